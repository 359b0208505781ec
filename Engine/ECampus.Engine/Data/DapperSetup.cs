using System.Data;
using System.Globalization;
using Dapper;

namespace ECampus.Engine.Data;

/// <summary>
/// SQLite stores instants as ISO-8601 text in UTC; these handlers read them back as <see cref="DateTimeOffset"/>.
/// PostgreSQL's timestamptz needs none of this, which is why it lives beside the SQLite dialect.
/// </summary>
public static class DapperSetup
{
    private static int _done;

    public static void ForSqlite()
    {
        if (Interlocked.Exchange(ref _done, 1) == 1)
        {
            return;
        }

        DefaultTypeMap.MatchNamesWithUnderscores = true;
        // Dapper maps DateTimeOffset itself unless the built-in mapping is removed first.
        SqlMapper.RemoveTypeMap(typeof(DateTimeOffset));
        SqlMapper.RemoveTypeMap(typeof(DateTimeOffset?));
        SqlMapper.AddTypeHandler(new InstantHandler());
        SqlMapper.AddTypeHandler(new NullableInstantHandler());
        SqlMapper.RemoveTypeMap(typeof(DateOnly));
        SqlMapper.RemoveTypeMap(typeof(DateOnly?));
        SqlMapper.AddTypeHandler(new DayHandler());
        SqlMapper.AddTypeHandler(new NullableDayHandler());
    }

    private static string Format(DateTimeOffset value) =>
        value.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);

    private static DateTimeOffset ParseValue(object value) => value switch
    {
        string text => DateTimeOffset.Parse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal),
        DateTimeOffset instant => instant,
        DateTime dateTime => new DateTimeOffset(DateTime.SpecifyKind(dateTime, DateTimeKind.Utc)),
        _ => throw new DataException($"Cannot read {value.GetType().Name} as an instant."),
    };

    private static DateOnly ParseDay(object value) => value switch
    {
        string text => DateOnly.ParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture),
        DateOnly day => day,
        DateTime dateTime => DateOnly.FromDateTime(dateTime),
        _ => throw new DataException($"Cannot read {value.GetType().Name} as a day."),
    };

    /// <summary>Calendar days (a cohort's start, an enrolment window) are <c>yyyy-MM-dd</c> text.</summary>
    private sealed class DayHandler : SqlMapper.TypeHandler<DateOnly>
    {
        public override void SetValue(IDbDataParameter parameter, DateOnly value)
        {
            parameter.DbType = DbType.String;
            parameter.Value = value.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        }

        public override DateOnly Parse(object value) => ParseDay(value);
    }

    private sealed class NullableDayHandler : SqlMapper.TypeHandler<DateOnly?>
    {
        public override void SetValue(IDbDataParameter parameter, DateOnly? value)
        {
            parameter.DbType = DbType.String;
            parameter.Value = value is { } day ? day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) : DBNull.Value;
        }

        public override DateOnly? Parse(object value) => value is null or DBNull ? null : ParseDay(value);
    }

    private sealed class InstantHandler : SqlMapper.TypeHandler<DateTimeOffset>
    {
        public override void SetValue(IDbDataParameter parameter, DateTimeOffset value)
        {
            parameter.DbType = DbType.String;
            parameter.Value = Format(value);
        }

        public override DateTimeOffset Parse(object value) => ParseValue(value);
    }

    private sealed class NullableInstantHandler : SqlMapper.TypeHandler<DateTimeOffset?>
    {
        public override void SetValue(IDbDataParameter parameter, DateTimeOffset? value)
        {
            parameter.DbType = DbType.String;
            parameter.Value = value is { } instant ? Format(instant) : DBNull.Value;
        }

        public override DateTimeOffset? Parse(object value) => value is null or DBNull ? null : ParseValue(value);
    }
}
