using Markdig.Extensions.TaskLists;
using Markdig.Renderers;
using Markdig.Renderers.Html;

namespace ECampus.Content.Rendering;

/// <summary>Renders task-list boxes as text symbols: Markdig's default is an <c>input</c> element, which the sanitiser forbids.</summary>
internal sealed class TaskListRenderer : HtmlObjectRenderer<TaskList>
{
    protected override void Write(HtmlRenderer renderer, TaskList obj) =>
        renderer.Write(obj.Checked
            ? "<span class=\"task-checkbox task-done\">\u2611</span>"
            : "<span class=\"task-checkbox\">\u2610</span>");
}
