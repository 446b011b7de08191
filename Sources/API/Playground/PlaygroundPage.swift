/// The playground served at `/` to browsers: write and run GraphQL with variables and a
/// token, and browse the schema from introspection. One self-contained page (no CDN, no
/// outside script): these machines and many integrators' networks cannot reach one.
enum PlaygroundPage {
    static let html = """
        <!doctype html>
        <html lang="fr">
        <head>
        <meta charset="utf-8">
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <title>BSD Ledger · GraphQL playground</title>
        <style>
        :root { font-family: system-ui, sans-serif; color: #1b1b1b; background: #f6f6f6; }
        body { margin: 0; display: grid; grid-template-rows: auto 1fr; height: 100vh; }
        header { display: flex; gap: 1rem; align-items: center; padding: .5rem 1rem;
          background: #000091; color: white; }
        header h1 { font-size: 1.1rem; margin: 0; }
        header label { font-size: .85rem; }
        header input { width: 28rem; font-family: monospace; }
        main { display: grid; grid-template-columns: 1fr 1fr 18rem; gap: .5rem; padding: .5rem;
          min-height: 0; }
        section { display: flex; flex-direction: column; min-height: 0; }
        textarea, pre { font-family: ui-monospace, monospace; font-size: .85rem;
          border: 1px solid #ccc;
          background: white; padding: .5rem; margin: 0; }
        #query { flex: 3; resize: none; }
        #variables { flex: 1; resize: none; margin-top: .5rem; }
        #result { flex: 1; overflow: auto; white-space: pre-wrap; }
        #schema { overflow: auto; background: white; border: 1px solid #ccc; padding: .5rem;
          font-size: .8rem; }
        #schema details { margin-bottom: .25rem; }
        #schema code { color: #000091; }
        button { background: #000091; color: white; border: 0; padding: .4rem 1rem;
          cursor: pointer; }
        .bar { display: flex; gap: .5rem; align-items: center; margin-bottom: .5rem; }
        .status { font-size: .85rem; color: #555; }
        </style>
        </head>
        <body>
        <header>
          <h1>BSD Ledger · GraphQL</h1>
          <label>Token
            <input id="token" placeholder="Bearer token (login or createAccessToken)"></label>
        </header>
        <main>
          <section>
            <div class="bar"><button id="run" title="Ctrl+Enter">Run ▶</button>
              <span class="status" id="status"></span></div>
            <textarea id="query" spellcheck="false">{
          me {
            id
            email
            name
          }
        }</textarea>
            <textarea id="variables" spellcheck="false" placeholder="Variables (JSON)">{}</textarea>
          </section>
          <section><pre id="result"></pre></section>
          <section><div id="schema">Loading the schema…</div></section>
        </main>
        <script>
        const endpoint = "/graphql";
        const tokenInput = document.getElementById("token");
        tokenInput.value = localStorage.getItem("bsd-ledger-token") || "";
        tokenInput.addEventListener("change",
          () => localStorage.setItem("bsd-ledger-token", tokenInput.value));

        async function call(query, variables) {
          const headers = { "Content-Type": "application/json",
            "Accept": "application/graphql-response+json, application/json;q=0.9" };
          const token = tokenInput.value.trim().replace(/^Bearer\\s+/i, "");
          if (token) headers["Authorization"] = "Bearer " + token;
          const response = await fetch(endpoint, { method: "POST", headers,
            body: JSON.stringify({ query, variables }) });
          return { status: response.status, body: await response.json() };
        }

        async function run() {
          const status = document.getElementById("status");
          const result = document.getElementById("result");
          let variables = {};
          try { variables = JSON.parse(document.getElementById("variables").value || "{}"); }
          catch (error) { result.textContent = "Variables are not JSON: " + error.message; return; }
          status.textContent = "…";
          const started = performance.now();
          try {
            const answer = await call(document.getElementById("query").value, variables);
            const elapsed = Math.round(performance.now() - started);
            status.textContent = "HTTP " + answer.status + " · " + elapsed + " ms";
            result.textContent = JSON.stringify(answer.body, null, 2);
          } catch (error) { status.textContent = ""; result.textContent = String(error); }
        }

        function typeName(type) {
          if (type.kind === "NON_NULL") return typeName(type.ofType) + "!";
          if (type.kind === "LIST") return "[" + typeName(type.ofType) + "]";
          return type.name;
        }

        function element(tag, text) {
          const node = document.createElement(tag);
          node.textContent = text;
          return node;
        }

        async function loadSchema() {
          const query = "{ __schema { types { name kind description fields { name description " +
            "args { name type { ...T } } type { ...T } } inputFields { name type { ...T } } " +
            "enumValues { name } } } } " +
            "fragment T on __Type { kind name ofType { kind name ofType { kind name " +
            "ofType { kind name } } } }";
          const schema = document.getElementById("schema");
          try {
            const answer = await call(query, {});
            schema.textContent = "";
            const types = answer.body.data.__schema.types.filter(t => !t.name.startsWith("__"));
            types.sort((a, b) => (a.name === "Query" ? -2 : a.name === "Mutation" ? -1 : 0) -
              (b.name === "Query" ? -2 : b.name === "Mutation" ? -1 : 0) ||
              a.name.localeCompare(b.name));
            for (const type of types) {
              const details = document.createElement("details");
              details.open = type.name === "Query" || type.name === "Mutation";
              const kind = type.kind.toLowerCase();
              details.appendChild(element("summary", type.name + " (" + kind + ")"));
              const list = document.createElement("ul");
              for (const field of type.fields || type.inputFields || []) {
                const args = (field.args || [])
                  .map(a => a.name + ": " + typeName(a.type)).join(", ");
                const item = element("li", "");
                item.appendChild(element("code", field.name + (args ? "(" + args + ")" : "")));
                item.appendChild(document.createTextNode(": " + typeName(field.type)));
                if (field.description) item.title = field.description;
                list.appendChild(item);
              }
              for (const value of type.enumValues || []) {
                list.appendChild(element("li", value.name));
              }
              details.appendChild(list);
              schema.appendChild(details);
            }
          } catch (error) { schema.textContent = "Could not load the schema: " + error; }
        }

        document.getElementById("run").addEventListener("click", run);
        document.addEventListener("keydown", event => {
          if (event.ctrlKey && event.key === "Enter") run();
        });
        loadSchema();
        </script>
        </body>
        </html>
        """
}
