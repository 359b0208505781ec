// Forum pages work without JavaScript; with it, they follow changes live. On a change the page's live region is
// fetched again and swapped in, so what a reader sees is always what the server decides they may see.
(function () {
    "use strict";
    var live = document.getElementById("thread-live") || document.getElementById("forum-live");
    if (!live || !window.signalR) {
        return;
    }

    var threadId = live.getAttribute("data-thread-id");
    var forumId = live.getAttribute("data-forum-id");
    var refreshing = false;
    var again = false;

    // What the reader was doing in the region survives the swap: text typed in any field, open boxes, focus.
    function keep(region) {
        var fields = {};
        region.querySelectorAll("textarea[id], input[id]:not([type=hidden])").forEach(function (field) {
            if (field.value !== field.defaultValue) {
                fields[field.id] = field.value;
            }
        });
        var open = [];
        region.querySelectorAll("details[id]").forEach(function (box) {
            if (box.open) {
                open.push(box.id);
            }
        });
        var focused = document.activeElement && region.contains(document.activeElement) ? document.activeElement.id : null;
        return { fields: fields, open: open, focused: focused };
    }

    function restore(region, kept) {
        Object.keys(kept.fields).forEach(function (id) {
            var field = document.getElementById(id);
            if (field && region.contains(field)) {
                field.value = kept.fields[id];
            }
        });
        kept.open.forEach(function (id) {
            var box = document.getElementById(id);
            if (box && region.contains(box)) {
                box.open = true;
            }
        });
        var focus = kept.focused ? document.getElementById(kept.focused) : null;
        if (focus && region.contains(focus)) {
            focus.focus();
        }
    }

    // The nav's badge: the server's count, pushed by the hub or read from a fetched page.
    function showUnread(count) {
        var badge = document.getElementById("unread-count");
        if (!badge) {
            return;
        }
        badge.textContent = count + " new";
        badge.setAttribute("data-unread", String(count));
        badge.hidden = count === 0;
    }

    function refresh() {
        if (refreshing) {
            again = true;
            return;
        }
        refreshing = true;
        fetch(location.pathname + location.search, { credentials: "same-origin", headers: { "Accept": "text/html" } })
            .then(function (response) { return response.ok ? response.text() : null; })
            .then(function (html) {
                if (html === null) {
                    return;
                }
                var fetched = new DOMParser().parseFromString(html, "text/html");
                var next = fetched.getElementById(live.id);
                var current = document.getElementById(live.id);
                if (!next || !current) {
                    return;
                }
                var kept = keep(current);
                current.replaceWith(next);
                restore(next, kept);
                var count = fetched.getElementById("unread-count");
                if (count) {
                    showUnread(Number(count.getAttribute("data-unread") || 0));
                }
                next.setAttribute("data-live", "updated");
            })
            .finally(function () {
                refreshing = false;
                if (again) {
                    again = false;
                    refresh();
                }
            });
    }

    var connection = new signalR.HubConnectionBuilder()
        .withUrl("/hubs/forums")
        .withAutomaticReconnect()
        .build();
    connection.on("forumChanged", refresh);
    connection.on("unread", showUnread);

    function join() {
        return threadId ? connection.invoke("JoinThread", Number(threadId)) : connection.invoke("JoinForum", Number(forumId));
    }

    connection.onreconnected(function () {
        join().then(refresh);
    });
    connection.start().then(join).then(function () {
        document.documentElement.setAttribute("data-forum-live", "connected");
    }).catch(function () {
        // Without the live connection the page still works: reloading shows the same.
    });
})();
