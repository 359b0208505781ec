using Dapper;
using ECampus.Sdk;
using MailKit.Net.Smtp;
using MailKit.Security;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using MimeKit;

namespace ECampus.Engine.Mail;

/// <summary>
/// Delivers the outbox: through SMTP when a relay is configured, otherwise as .eml files in the pickup folder.
/// A mail is marked sent only after delivery, so a crash delivers it again rather than never.
/// </summary>
public sealed partial class MailDelivery(IDatabase database, IOptions<EcampusOptions> options, TimeProvider time, ILogger<MailDelivery> logger)
    : BackgroundService
{
    private const int MaxAttempts = 10;
    private readonly SemaphoreSlim _signal = new(0);

    private sealed record Pending(long Id, string ToAddress, string Subject, string BodyText, long Attempts);

    /// <summary>Wakes the deliverer now instead of at its next poll.</summary>
    public void Nudge() => _signal.Release();

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await DeliverPendingAsync(stoppingToken);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                LogRoundFailed(e);
            }

            try
            {
                await _signal.WaitAsync(TimeSpan.FromSeconds(5), stoppingToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    public async Task<int> DeliverPendingAsync(CancellationToken cancellationToken)
    {
        var pending = await database.ReadAsync(
            async connection => (await connection.QueryAsync<Pending>(
                "SELECT id, to_address, subject, body_text, attempts FROM mail_outbox WHERE sent_at IS NULL AND attempts < @MaxAttempts ORDER BY id LIMIT 50",
                new { MaxAttempts })).ToList(),
            cancellationToken);

        var delivered = 0;
        foreach (var mail in pending)
        {
            string? error = null;
            try
            {
                await SendAsync(mail, cancellationToken);
                delivered++;
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                error = e.Message;
                LogDeliveryFailed(mail.Id, e.Message);
            }

            var now = SiteClock.Now(time);
            await database.WriteAsync(
                (connection, transaction) => connection.ExecuteAsync(
                    error is null
                        ? "UPDATE mail_outbox SET sent_at = @Now, attempts = attempts + 1 WHERE id = @Id"
                        : "UPDATE mail_outbox SET attempts = attempts + 1, last_error = @Error WHERE id = @Id",
                    new { Now = now, mail.Id, Error = error }, transaction),
                cancellationToken);
        }

        return delivered;
    }

    private async Task SendAsync(Pending mail, CancellationToken cancellationToken)
    {
        var settings = options.Value;
        var message = new MimeMessage();
        message.From.Add(MailboxAddress.Parse(settings.Mail.From));
        message.To.Add(MailboxAddress.Parse(mail.ToAddress));
        message.Subject = mail.Subject;
        message.Body = new TextPart("plain") { Text = mail.BodyText };
        message.MessageId = $"outbox-{mail.Id}@ecampus";

        if (string.IsNullOrWhiteSpace(settings.Mail.SmtpHost))
        {
            var folder = settings.Mail.PickupDirectory ?? Path.Combine(settings.ResolveDataDirectory(), "mail");
            Directory.CreateDirectory(folder);
            var final = Path.Combine(folder, $"{mail.Id:D8}.eml");
            var temporary = final + ".tmp";
            await message.WriteToAsync(temporary, cancellationToken);
            File.Move(temporary, final, overwrite: true);
            return;
        }

        using var client = new SmtpClient();
        await client.ConnectAsync(settings.Mail.SmtpHost, settings.Mail.SmtpPort, SecureSocketOptions.StartTlsWhenAvailable, cancellationToken);
        if (!string.IsNullOrEmpty(settings.Mail.SmtpUser))
        {
            await client.AuthenticateAsync(settings.Mail.SmtpUser, settings.Mail.SmtpPassword ?? "", cancellationToken);
        }

        await client.SendAsync(message, cancellationToken);
        await client.DisconnectAsync(true, cancellationToken);
    }

    public override void Dispose()
    {
        _signal.Dispose();
        base.Dispose();
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Mail {MailId} was not delivered: {Reason}")]
    private partial void LogDeliveryFailed(long mailId, string reason);

    [LoggerMessage(Level = LogLevel.Error, Message = "A mail delivery round failed")]
    private partial void LogRoundFailed(Exception exception);
}
