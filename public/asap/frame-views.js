/*
 * The ASAP widget's help-center views: Home, Articles, Tickets, Community, Chat. Plain DOM, and every
 * piece of user or article text goes in as textContent, so nothing anyone typed can become markup.
 * frame.js owns the session; it hands these views a context: { api, el, signedIn, contact, rerender }.
 */
(function () {
  "use strict";

  function paragraphs(el, text) {
    return el(
      "div",
      { class: "text" },
      String(text)
        .split(/\n{2,}/)
        .map(function (block) {
          return el("p", { text: block });
        }),
    );
  }

  function when(date) {
    return new Date(date).toLocaleString([], { dateStyle: "medium", timeStyle: "short" });
  }

  var STATUS = { open: "Open", on_hold: "Waiting on you", closed: "Closed" };
  // A guest typed this email: the ticket may not be the signed-in person's own words.
  var GUEST_SUBMISSION = "Submitted as a guest (email not verified)";

  /** An Idempotency-Key. getRandomValues works outside secure contexts too, unlike randomUUID. */
  function newKey() {
    return Array.from(crypto.getRandomValues(new Uint8Array(16)), function (b) {
      return b.toString(16).padStart(2, "0");
    }).join("");
  }

  window.AsapViews = function createViews(ctx) {
    var el = ctx.el;
    var state = { tab: "home", stack: [] };
    var chat = { id: null, token: null, messages: [], stream: null, log: null };

    function go(view) {
      state.stack.push(view);
      ctx.rerender();
    }
    function back() {
      state.stack.pop();
      ctx.rerender();
    }
    function backButton() {
      return state.stack.length ? el("button", { type: "button", class: "link back", onclick: back, text: "← Back" }) : null;
    }
    function signInNote(what) {
      return el("p", { class: "note", text: "Sign in to your Northwind account to " + what + "." });
    }

    /** Renders a view that loads data: a loading state first, then the content or the error. */
    function async(container, load) {
      container.replaceChildren(el("p", { class: "muted", "aria-busy": "true", text: "Loading…" }));
      load()
        .then(function (node) {
          container.replaceChildren(node);
        })
        .catch(function (error) {
          container.replaceChildren(el("div", { class: "error", role: "alert" }, [el("p", { text: (error && error.message) || "Something went wrong." })]));
        });
      return container;
    }

    function form(fields, submitLabel, onSubmit) {
      var status = el("p", { class: "form-status", role: "status" });
      var node = el("form", { class: "stack", novalidate: "true" }, fields.concat([el("button", { type: "submit", class: "primary", text: submitLabel }), status]));
      node.addEventListener("submit", function (event) {
        event.preventDefault();
        var data = {};
        new FormData(node).forEach(function (value, key) {
          data[key] = String(value);
        });
        var button = node.querySelector("button[type=submit]");
        button.disabled = true;
        status.textContent = "Sending…";
        status.setAttribute("class", "form-status");
        onSubmit(data)
          .then(function (message) {
            status.textContent = message || "";
          })
          .catch(function (error) {
            status.textContent = (error && error.message) || "Something went wrong.";
            status.setAttribute("class", "form-status failed");
          })
          .finally(function () {
            button.disabled = false;
          });
      });
      return node;
    }
    function field(label, name, options) {
      options = options || {};
      var id = "f-" + name + "-" + Math.random().toString(36).slice(2, 7);
      var input = options.multiline
        ? el("textarea", { id: id, name: name, rows: String(options.rows || 4), maxlength: String(options.max || 10000) })
        : el("input", { id: id, name: name, type: options.type || "text", maxlength: String(options.max || 200) });
      if (options.value) input.value = options.value;
      return el("div", { class: "field" }, [el("label", { for: id, text: label }), input]);
    }
    function select(label, name, choices, value) {
      var id = "s-" + name;
      var node = el(
        "select",
        { id: id, name: name },
        choices.map(function (choice) {
          var option = el("option", { value: choice[0], text: choice[1] });
          if (choice[0] === value) option.selected = true;
          return option;
        }),
      );
      return el("div", { class: "field" }, [el("label", { for: id, text: label }), node]);
    }

    // ── Articles ──────────────────────────────────────────────────────────────────────────────
    function articleList(articles, empty) {
      if (!articles.length) return el("p", { class: "muted", text: empty });
      return el(
        "ul",
        { class: "list" },
        articles.map(function (article) {
          return el("li", {}, [
            el("button", { type: "button", class: "row", onclick: function () { go({ kind: "article", id: article.id }); } }, [
              el("span", { class: "row-title", text: article.title }),
              el("span", { class: "row-sub", text: article.summary }),
            ]),
          ]);
        }),
      );
    }

    function articleView(id) {
      return async(el("div"), function () {
        return ctx.api("articles/" + encodeURIComponent(id)).then(function (body) {
          var article = body.article;
          var thanks = el("p", { class: "muted", role: "status" });
          function vote(helpful) {
            ctx.api("articles/" + article.id + "/feedback", { method: "POST", body: { helpful: helpful } }).then(function () {
              thanks.textContent = "Thanks for your feedback!";
            });
          }
          return el("article", { class: "stack" }, [
            el("h2", { text: article.title }),
            paragraphs(el, article.body),
            el("div", { class: "vote" }, [
              el("span", { text: "Was this helpful?" }),
              el("button", { type: "button", onclick: function () { vote(true); }, text: "Yes" }),
              el("button", { type: "button", onclick: function () { vote(false); }, text: "No" }),
            ]),
            thanks,
          ]);
        });
      });
    }

    function home() {
      var results = el("div");
      var search = el("form", { role: "search", class: "search" }, [
        el("label", { for: "asap-search", class: "sr-only", text: "Search help articles" }),
        el("input", { id: "asap-search", name: "q", type: "search", placeholder: "Search help articles", maxlength: "200" }),
        el("button", { type: "submit", class: "primary", text: "Search" }),
      ]);
      search.addEventListener("submit", function (event) {
        event.preventDefault();
        var q = search.querySelector("input").value.trim();
        if (!q) return;
        async(results, function () {
          return ctx.api("articles?q=" + encodeURIComponent(q)).then(function (body) {
            return el("section", {}, [el("h3", { text: "Results" }), articleList(body.articles, "No article matches. Try other words, or submit a ticket.")]);
          });
        });
      });
      async(results, function () {
        return ctx.api("articles?pageSize=5").then(function (body) {
          return el("section", {}, [el("h3", { text: "Popular articles" }), articleList(body.articles, "No articles yet.")]);
        });
      });
      return el("div", { class: "stack" }, [search, results]);
    }

    function articles() {
      return async(el("div"), function () {
        return ctx.api("categories").then(function (body) {
          return el(
            "ul",
            { class: "list" },
            body.categories.map(function (category) {
              return el("li", {}, [
                el("button", { type: "button", class: "row", onclick: function () { go({ kind: "category", slug: category.slug, name: category.name }); } }, [
                  el("span", { class: "row-title", text: category.name + " (" + category.articleCount + ")" }),
                  el("span", { class: "row-sub", text: category.description }),
                ]),
              ]);
            }),
          );
        });
      });
    }

    function categoryView(view) {
      return async(el("div"), function () {
        return ctx.api("articles?category=" + encodeURIComponent(view.slug) + "&pageSize=50").then(function (body) {
          return el("section", {}, [el("h2", { text: view.name }), articleList(body.articles, "No articles here yet.")]);
        });
      });
    }

    // ── Tickets ───────────────────────────────────────────────────────────────────────────────
    function submitTicketForm() {
      var fields = [];
      if (!ctx.signedIn()) fields.push(field("Your name", "name", { max: 100 }), field("Email", "email", { type: "email", max: 254 }));
      fields.push(
        field("Subject", "subject", { max: 200 }),
        field("How can we help?", "description", { multiline: true }),
        select("Priority", "priority", [["low", "Low"], ["medium", "Medium"], ["high", "High"], ["urgent", "Urgent"]], "medium"),
      );
      var key = newKey(); // one key per form: a double submit or a retry creates one ticket
      return form(fields, "Submit ticket", function (data) {
        return ctx.api("tickets", { method: "POST", body: data, auth: ctx.signedIn(), idempotencyKey: key }).then(function (body) {
          key = newKey();
          if (ctx.signedIn()) {
            state.stack = [{ kind: "ticket", number: body.ticket.number }];
            ctx.rerender();
          }
          return "Ticket #" + body.ticket.number + " submitted. We will answer by email.";
        });
      });
    }

    function tickets() {
      if (!ctx.signedIn()) {
        return el("div", { class: "stack" }, [el("h2", { text: "Submit a ticket" }), submitTicketForm(), signInNote("follow, answer, edit or close your tickets")]);
      }
      var list = el("div");
      var filter = el("div", { class: "field" }, [
        el("label", { for: "ticket-filter", text: "Show" }),
        el("select", { id: "ticket-filter" }, [["", "All"], ["open", "Open"], ["on_hold", "Waiting on you"], ["closed", "Closed"]].map(function (c) {
          return el("option", { value: c[0], text: c[1] });
        })),
      ]);
      function load() {
        var status = filter.querySelector("select").value;
        async(list, function () {
          return ctx.api("tickets" + (status ? "?status=" + status : ""), { auth: true }).then(function (body) {
            if (!body.tickets.length) return el("p", { class: "muted", text: "No tickets here." });
            return el(
              "ul",
              { class: "list", "aria-label": "My tickets" },
              body.tickets.map(function (ticket) {
                return el("li", {}, [
                  el("button", { type: "button", class: "row", onclick: function () { go({ kind: "ticket", number: ticket.number }); } }, [
                    el("span", { class: "row-title", text: "#" + ticket.number + " " + ticket.subject }),
                    el("span", { class: "row-sub", text: (STATUS[ticket.status] || ticket.status) + (ticket.identityVerified ? "" : " · " + GUEST_SUBMISSION) }),
                  ]),
                ]);
              }),
            );
          });
        });
      }
      filter.querySelector("select").addEventListener("change", load);
      load();
      return el("div", { class: "stack" }, [
        el("div", { class: "split" }, [el("h2", { text: "My tickets" }), el("button", { type: "button", class: "primary", onclick: function () { go({ kind: "new-ticket" }); }, text: "New ticket" })]),
        filter,
        list,
      ]);
    }

    function ticketView(number) {
      return async(el("div"), function () {
        return ctx.api("tickets/" + number, { auth: true }).then(function (body) {
          var ticket = body.ticket;
          var thread = el(
            "ol",
            { class: "thread", "aria-label": "Conversation" },
            [{ author: { kind: ticket.identityVerified ? "contact" : "guest" }, body: ticket.description, createdAt: ticket.createdAt }].concat(ticket.comments).map(function (entry) {
              var who = entry.author.kind === "agent" ? entry.author.name + " (support)" : entry.author.kind === "guest" ? GUEST_SUBMISSION : "You";
              return el("li", { class: entry.author.kind === "agent" ? "from-agent" : "from-me" }, [
                el("p", { class: "meta", text: who + " · " + when(entry.createdAt) }),
                paragraphs(el, entry.body),
              ]);
            }),
          );
          var closed = ticket.status === "closed";
          var commentKey = newKey();
          return el("div", { class: "stack" }, [
            el("h2", { text: "#" + ticket.number + " " + ticket.subject }),
            el("p", { class: "muted", text: (STATUS[ticket.status] || ticket.status) + " · " + ticket.priority + " priority" }),
            thread,
            form([field("Add a reply", "body", { multiline: true, rows: 3 })], "Send reply", function (data) {
              return ctx.api("tickets/" + number + "/comments", { method: "POST", body: data, auth: true, idempotencyKey: commentKey }).then(function () {
                ctx.rerender();
              });
            }),
            el("details", {}, [
              el("summary", { text: "Edit ticket" }),
              form(
                [field("Subject", "subject", { value: ticket.subject }), select("Priority", "priority", [["low", "Low"], ["medium", "Medium"], ["high", "High"], ["urgent", "Urgent"]], ticket.priority)],
                "Save changes",
                function (data) {
                  return ctx.api("tickets/" + number, { method: "PATCH", body: data, auth: true }).then(function () {
                    ctx.rerender();
                  });
                },
              ),
            ]),
            el("button", {
              type: "button",
              class: closed ? "primary" : "",
              text: closed ? "Reopen ticket" : "Close ticket",
              onclick: function () {
                ctx.api("tickets/" + number, { method: "PATCH", body: { status: closed ? "open" : "closed" }, auth: true }).then(ctx.rerender);
              },
            }),
          ]);
        });
      });
    }

    // ── Community ─────────────────────────────────────────────────────────────────────────────
    function community() {
      return async(el("div"), function () {
        return ctx.api("community/posts", { auth: ctx.signedIn() }).then(function (body) {
          return el("div", { class: "stack" }, [
            el("div", { class: "split" }, [
              el("h2", { text: "Community" }),
              ctx.signedIn() ? el("button", { type: "button", class: "primary", onclick: function () { go({ kind: "new-post" }); }, text: "New post" }) : null,
            ]),
            ctx.signedIn() ? null : signInNote("post, reply, like or follow"),
            el(
              "ul",
              { class: "list", "aria-label": "Posts" },
              body.posts.map(function (post) {
                return el("li", {}, [
                  el("button", { type: "button", class: "row", onclick: function () { go({ kind: "post", id: post.id }); } }, [
                    el("span", { class: "row-title", text: post.title }),
                    el("span", { class: "row-sub", text: post.type + " · " + post.author.name + " · " + post.likeCount + " likes · " + post.replyCount + " replies" }),
                  ]),
                ]);
              }),
            ),
          ]);
        });
      });
    }

    function postView(id) {
      return async(el("div"), function () {
        return ctx.api("community/posts/" + id, { auth: ctx.signedIn() }).then(function (body) {
          var post = body.post;
          function toggle(kind, on) {
            ctx.api("community/posts/" + id + "/" + kind, { method: on ? "POST" : "DELETE", auth: true }).then(ctx.rerender);
          }
          return el("article", { class: "stack" }, [
            el("h2", { text: post.title }),
            el("p", { class: "muted", text: post.type + " by " + post.author.name + " · " + when(post.createdAt) }),
            paragraphs(el, post.body),
            ctx.signedIn()
              ? el("div", { class: "vote" }, [
                  el("button", { type: "button", "aria-pressed": String(post.likedByMe), onclick: function () { toggle("like", !post.likedByMe); }, text: (post.likedByMe ? "Liked" : "Like") + " (" + post.likeCount + ")" }),
                  el("button", { type: "button", "aria-pressed": String(post.followedByMe), onclick: function () { toggle("follow", !post.followedByMe); }, text: post.followedByMe ? "Following" : "Follow" }),
                ])
              : el("p", { class: "muted", text: post.likeCount + " likes" }),
            el("h3", { text: post.replies.length + " replies" }),
            el(
              "ol",
              { class: "thread" },
              post.replies.map(function (reply) {
                return el("li", {}, [el("p", { class: "meta", text: reply.author.name + " · " + when(reply.createdAt) }), paragraphs(el, reply.body)]);
              }),
            ),
            ctx.signedIn()
              ? form([field("Your reply", "body", { multiline: true, rows: 3 })], "Reply", function (data) {
                  return ctx.api("community/posts/" + id + "/replies", { method: "POST", body: data, auth: true }).then(ctx.rerender);
                })
              : signInNote("reply"),
          ]);
        });
      });
    }

    function newPostView() {
      return el("div", { class: "stack" }, [
        el("h2", { text: "New post" }),
        form(
          [
            select("Topic", "topic", [["questions", "Questions"], ["ideas", "Ideas"]], "questions"),
            select("Kind", "type", [["question", "Question"], ["idea", "Idea"], ["discussion", "Discussion"]], "question"),
            field("Title", "title"),
            field("Details", "body", { multiline: true }),
          ],
          "Post",
          function (data) {
            return ctx.api("community/posts", { method: "POST", body: data, auth: true }).then(function (body) {
              state.stack = [{ kind: "post", id: body.post.id }];
              ctx.rerender();
            });
          },
        ),
      ]);
    }

    // ── Chat ──────────────────────────────────────────────────────────────────────────────────
    function chatHeaders() {
      return chat.token ? { "X-Chat-Token": chat.token } : {};
    }

    function messageItem(message) {
      return el("li", { class: message.from.kind === "agent" ? "from-agent" : "from-me" }, [
        el("p", { class: "meta", text: message.from.kind === "agent" ? message.from.name : "You" }),
        paragraphs(el, message.body),
      ]);
    }

    function listen() {
      if (chat.stream) return;
      var controller = new AbortController();
      chat.stream = controller;
      var last = chat.messages.length ? chat.messages[chat.messages.length - 1].id : null;
      var headers = Object.assign({}, chatHeaders(), ctx.authHeaders(), last ? { "Last-Event-ID": last } : {});
      fetch("/desk/api/asap/v1/chat/sessions/" + chat.id + "/events", { headers: headers, signal: controller.signal })
        .then(function (response) {
          var reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
          var buffer = "";
          function pump() {
            return reader.read().then(function (chunk) {
              if (chunk.done) return;
              buffer += chunk.value;
              var end;
              while ((end = buffer.indexOf("\n\n")) !== -1) {
                var block = buffer.slice(0, end);
                buffer = buffer.slice(end + 2);
                var data = /^data: (.+)$/m.exec(block);
                if (block.indexOf("event: message") !== -1 && data) {
                  var message = JSON.parse(data[1]);
                  if (!chat.messages.some(function (m) { return m.id === message.id; })) {
                    chat.messages.push(message);
                    // Append in place: re-rendering would wipe what the visitor is typing.
                    if (chat.log && chat.log.isConnected) {
                      var waiting = chat.log.querySelector(".waiting");
                      if (waiting) waiting.remove();
                      chat.log.appendChild(messageItem(message));
                    }
                  }
                }
              }
              return pump();
            });
          }
          return pump();
        })
        .catch(function () {})
        .finally(function () {
          // The server ends streams now and then; pick up where we were.
          chat.stream = null;
          if (!controller.signal.aborted) setTimeout(listen, 2000);
        });
    }

    function chatView() {
      if (!chat.id) {
        var fields = ctx.signedIn() ? [] : [field("Your name", "name", { max: 100 })];
        fields.push(field("Message", "message", { multiline: true, rows: 3, max: 4000 }));
        return el("div", { class: "stack" }, [
          el("h2", { text: "Chat with us" }),
          el("p", { class: "muted", text: ctx.signedIn() ? "Your chats are kept in your history." : "An agent usually answers within minutes." }),
          form(fields, "Start chat", function (data) {
            return ctx.api("chat/sessions", { method: "POST", body: data, auth: ctx.signedIn() }).then(function (body) {
              chat.id = body.chat.id;
              chat.token = body.visitorToken || null;
              listen();
              ctx.rerender();
            });
          }),
        ]);
      }
      var log = el("ol", { class: "thread chat", "aria-label": "Chat messages", "aria-live": "polite" }, chat.messages.map(messageItem));
      if (!chat.messages.length) log.appendChild(el("li", { class: "muted waiting", text: "Connecting…" }));
      chat.log = log;
      return el("div", { class: "stack" }, [
        el("h2", { text: "Chat" }),
        log,
        form([field("Message", "body", { multiline: true, rows: 2, max: 4000 })], "Send", function (data) {
          return ctx.api("chat/sessions/" + chat.id + "/messages", { method: "POST", body: data, auth: ctx.signedIn(), headers: chatHeaders() }).then(function () {
            return "";
          });
        }),
      ]);
    }

    // ── shell ─────────────────────────────────────────────────────────────────────────────────
    var TABS = [
      ["home", "Home"],
      ["articles", "Articles"],
      ["tickets", "Tickets"],
      ["community", "Community"],
      ["chat", "Chat"],
    ];

    function current() {
      var top = state.stack[state.stack.length - 1];
      if (!top) return { home: home, articles: articles, tickets: tickets, community: community, chat: chatView }[state.tab]();
      switch (top.kind) {
        case "article":
          return articleView(top.id);
        case "category":
          return categoryView(top);
        case "ticket":
          return ticketView(top.number);
        case "new-ticket":
          return el("div", { class: "stack" }, [el("h2", { text: "New ticket" }), submitTicketForm()]);
        case "post":
          return postView(top.id);
        case "new-post":
          return newPostView();
      }
    }

    return {
      render: function () {
        var nav = el(
          "nav",
          { class: "tabs", "aria-label": "Help sections" },
          TABS.map(function (tab) {
            return el("button", {
              type: "button",
              "aria-current": state.tab === tab[0] ? "page" : "false",
              text: tab[1],
              onclick: function () {
                state.tab = tab[0];
                state.stack = [];
                ctx.rerender();
              },
            });
          }),
        );
        return el("div", { class: "views" }, [nav, el("section", { class: "view" }, [backButton(), current()])]);
      },
      /** A different person now: nothing of the previous one's chat stays on screen. */
      reset: function () {
        if (chat.stream) chat.stream.abort();
        chat = { id: null, token: null, messages: [], stream: null, log: null };
        state = { tab: "home", stack: [] };
      },
    };
  };
})();
