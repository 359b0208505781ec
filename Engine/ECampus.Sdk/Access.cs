namespace ECampus.Sdk;

/// <summary>Who is asking: a signed-in account, an anonymous visitor, or the site itself (command line, background work).</summary>
public sealed record Actor
{
    private Actor(long? accountId, string displayName, IReadOnlySet<string> siteRoles, bool isSystem)
    {
        AccountId = accountId;
        DisplayName = displayName;
        SiteRoles = siteRoles;
        IsSystem = isSystem;
    }

    /// <summary>The account, or <c>null</c> for anonymous visitors and the system.</summary>
    public long? AccountId { get; }

    /// <summary>The name shown to people.</summary>
    public string DisplayName { get; }

    /// <summary>Site-wide roles: <see cref="SiteRoles.Admin"/>, <see cref="SiteRoles.Author"/>.</summary>
    public IReadOnlySet<string> SiteRoles { get; }

    /// <summary>True for the site acting on its own behalf (the command line, background jobs).</summary>
    public bool IsSystem { get; }

    /// <summary>True when a person signed in.</summary>
    public bool IsSignedIn => AccountId is not null;

    /// <summary>An anonymous visitor.</summary>
    public static Actor Anonymous { get; } = new(null, "anonymous", new HashSet<string>(), false);

    /// <summary>The site itself.</summary>
    public static Actor System { get; } = new(null, "system", new HashSet<string>(), true);

    /// <summary>A signed-in account.</summary>
    public static Actor Account(long accountId, string displayName, IReadOnlySet<string> siteRoles) =>
        new(accountId, displayName, siteRoles, false);

    /// <summary>Whether the actor holds a site role.</summary>
    public bool HasSiteRole(string role) => SiteRoles.Contains(role);
}

/// <summary>Site-wide roles.</summary>
public static class SiteRoles
{
    /// <summary>Runs the site: accounts, settings, plug-ins, every course.</summary>
    public const string Admin = "admin";

    /// <summary>Writes and publishes content packs.</summary>
    public const string Author = "author";

    /// <summary>All site roles.</summary>
    public static IReadOnlyList<string> All { get; } = [Admin, Author];
}

/// <summary>Roles held within one course.</summary>
public static class CourseRoles
{
    /// <summary>Takes the course.</summary>
    public const string Learner = "learner";

    /// <summary>Facilitates, moderates and grades in the course.</summary>
    public const string Tutor = "tutor";
}

/// <summary>The actions the access policy decides on. Plug-ins ask with these names too.</summary>
public static class Permissions
{
    /// <summary>Any signed-in person: their own account, profile and dashboard.</summary>
    public const string SignedIn = "signed-in";

    /// <summary>Manage accounts, approvals, roles, site settings and plug-ins.</summary>
    public const string AdministerSite = "site.administer";

    /// <summary>Validate, publish and preview content packs.</summary>
    public const string AuthorCourses = "courses.author";

    /// <summary>See a course's public page in the catalog.</summary>
    public const string ViewCourse = "course.view";

    /// <summary>Read a course's modules and take part (enrolled learners, tutors, authors, admins).</summary>
    public const string TakeCourse = "course.take";

    /// <summary>Facilitate a course: see learners, moderate, grade (the course's tutors, admins).</summary>
    public const string TeachCourse = "course.teach";
}

/// <summary>The one place that answers "may this actor do this action in this course".</summary>
public interface IAccessPolicy
{
    /// <summary>Whether <paramref name="actor"/> may do <paramref name="permission"/> (in <paramref name="courseId"/>, where it applies).</summary>
    ValueTask<bool> IsAllowedAsync(Actor actor, string permission, string? courseId, CancellationToken cancellationToken);
}

/// <summary>The actor of the current request or job.</summary>
public interface ICurrentActor
{
    /// <summary>Who is asking.</summary>
    Actor Actor { get; }
}
