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
                var next = new DOMParser().parseFromString(html, "text/html").getElementById(live.id);
                var current = document.getElementById(live.id);
                if (!next || !current) {
                    return;
                }
                var draft = current.querySelector("#body");
                var typed = draft ? draft.value : null;
                var focused = document.activeElement === draft;
                current.replaceWith(next);
                var body = next.querySelector("#body");
                if (body && typed) {
                    body.value = typed;
                    if (focused) {
                        body.focus();
                    }
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
