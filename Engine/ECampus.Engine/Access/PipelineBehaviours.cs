using ECampus.Sdk;
using Mediator;

namespace ECampus.Engine.Access;

/// <summary>Runs first: refuses any request that declares no access rule, and any caller the rule does not admit.</summary>
public sealed class AccessBehaviour<TMessage, TResponse>(ICurrentActor current, IAccessPolicy policy)
    : IPipelineBehavior<TMessage, TResponse>
    where TMessage : IMessage
{
    public async ValueTask<TResponse> Handle(TMessage message, MessageHandlerDelegate<TMessage, TResponse> next, CancellationToken cancellationToken)
    {
        if (message is not IAccessControlled controlled)
        {
            throw new InvalidOperationException($"{typeof(TMessage).Name} declares no access rule; every request must implement {nameof(IAccessControlled)}.");
        }

        var rule = controlled.Access;
        if (rule.Permission is not null && !await policy.IsAllowedAsync(current.Actor, rule.Permission, rule.CourseId, cancellationToken))
        {
            if (!current.Actor.IsSignedIn && !current.Actor.IsSystem)
            {
                throw new SignInRequiredException();
            }

            // Inside a course, refusing with "not found" does not tell a stranger that the course or record exists.
            throw rule.CourseId is null
                ? new AccessDeniedException("You are not allowed to do this.")
                : new NotFoundException("There is no such course, or you have no access to it.");
        }

        return await next(message, cancellationToken);
    }
}

/// <summary>Runs second: a request with invalid input never reaches its handler.</summary>
public sealed class ValidationBehaviour<TMessage, TResponse> : IPipelineBehavior<TMessage, TResponse>
    where TMessage : IMessage
{
    public ValueTask<TResponse> Handle(TMessage message, MessageHandlerDelegate<TMessage, TResponse> next, CancellationToken cancellationToken)
    {
        if (message is IValidated validated)
        {
            var errors = validated.Validate()
                .GroupBy(e => e.Field, e => e.Message)
                .ToDictionary(g => g.Key, g => g.ToArray());
            if (errors.Count > 0)
            {
                throw new InvalidInputException(errors);
            }
        }

        return next(message, cancellationToken);
    }
}
