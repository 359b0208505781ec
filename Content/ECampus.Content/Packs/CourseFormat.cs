namespace ECampus.Content;

/// <summary>How a course is delivered (pack.yml <c>format</c>).</summary>
public enum CourseFormat
{
    /// <summary><c>self-paced</c>: no tutor, always open.</summary>
    SelfPaced,

    /// <summary><c>tutor-supported</c>: a cohort with a start date, weekly modules and tutors.</summary>
    TutorSupported,

    /// <summary><c>webinar</c>: a single live session or a series.</summary>
    Webinar,

    /// <summary><c>blended</c>: an online phase plus a face-to-face phase recorded as attendance.</summary>
    Blended,
}
