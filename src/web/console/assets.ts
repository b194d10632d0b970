/**
 * The console's stylesheet and its one small script, served from the gateway itself so the
 * page's Content-Security-Policy can allow 'self' and nothing inline.
 */
export const CONSOLE_CSS = `
:root { --ink: #1b1f24; --muted: #4d5661; --line: #d5dae0; --bg: #f6f7f9; --card: #fff; --accent: #0b5cad; --bad: #a4161a; --good: #1b6e3a; --warn: #8a5a00; }
* { box-sizing: border-box; }
body { margin: 0; font: 15px/1.45 system-ui, -apple-system, "Segoe UI", sans-serif; color: var(--ink); background: var(--bg); }
a { color: var(--accent); }
header { background: #14213d; color: #fff; padding: .6rem 1rem; display: flex; flex-wrap: wrap; align-items: center; gap: .4rem 1rem; }
header .brand { font-weight: 700; margin-right: auto; color: #fff; text-decoration: none; }
header nav { display: flex; flex-wrap: wrap; gap: .2rem .8rem; }
header nav a { color: #e8eef7; text-decoration: none; padding: .2rem 0; }
header nav a[aria-current="page"] { color: #fff; border-bottom: 2px solid #fcbf49; }
header form { margin: 0; }
header button { background: transparent; color: #fff; border: 1px solid #8da2c0; }
main { padding: 1rem; max-width: 1100px; margin: 0 auto; }
h1 { font-size: 1.35rem; margin: .2rem 0 1rem; }
h2 { font-size: 1.1rem; margin: 1.4rem 0 .6rem; }
.card { background: var(--card); border: 1px solid var(--line); border-radius: 8px; padding: .8rem 1rem; margin-bottom: .8rem; }
.scroll { overflow-x: auto; background: var(--card); border: 1px solid var(--line); border-radius: 8px; }
table { border-collapse: collapse; width: 100%; font-size: .92rem; }
th, td { text-align: left; padding: .45rem .6rem; border-bottom: 1px solid var(--line); vertical-align: top; }
th { background: #eef1f5; font-weight: 600; white-space: nowrap; }
code, .mono { font-family: ui-monospace, SFMono-Regular, Menlo, monospace; font-size: .85em; overflow-wrap: anywhere; }
.badge { display: inline-block; padding: 0 .45rem; border-radius: 999px; font-size: .8rem; border: 1px solid currentColor; white-space: nowrap; }
.bad { color: var(--bad); } .good { color: var(--good); } .warn { color: var(--warn); } .muted { color: var(--muted); }
form.inline { display: inline-flex; flex-wrap: wrap; gap: .4rem; align-items: center; margin: .2rem 0; }
input[type=text], input[type=password], input[type=search], textarea, select { font: inherit; padding: .4rem .5rem; border: 1px solid #8a96a3; border-radius: 6px; max-width: 100%; }
textarea { width: 100%; min-height: 4.5rem; }
button { font: inherit; padding: .4rem .8rem; border-radius: 6px; border: 1px solid var(--accent); background: var(--accent); color: #fff; cursor: pointer; }
button.secondary { background: #fff; color: var(--accent); }
button.danger { background: var(--bad); border-color: var(--bad); }
label { font-weight: 600; }
.flash { border-left: 4px solid var(--good); }
.flash.error { border-left-color: var(--bad); }
.grid { display: grid; grid-template-columns: repeat(auto-fit, minmax(280px, 1fr)); gap: .8rem; }
.stat { font-size: 1.6rem; font-weight: 700; }
.msg { border: 1px solid var(--line); border-radius: 8px; padding: .5rem .7rem; margin: .4rem 0; background: var(--card); }
.msg.user { background: #eef4fb; margin-right: 12%; }
.msg.assistant { margin-left: 12%; }
.msg.human { margin-left: 12%; background: #fff6e0; }
.msg .who { font-size: .8rem; color: var(--muted); }
.tool { border-left: 3px solid #8a96a3; padding-left: .6rem; margin: .3rem 0; font-size: .9rem; }
svg.chart { width: 100%; height: auto; max-height: 180px; }
.legend { font-size: .85rem; color: var(--muted); }
.sr-only { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; }
@media (max-width: 600px) {
  main { padding: .6rem; }
  th, td { padding: .35rem .4rem; }
  .msg.user, .msg.assistant, .msg.human { margin-left: 0; margin-right: 0; }
}
`;

/**
 * While a conversation is taken over, its transcript refreshes itself every few seconds so
 * the founder sees the visitor's new messages without losing a half-typed reply.
 */
export const CONSOLE_JS = `
(function () {
  var box = document.querySelector('[data-poll]');
  if (!box) return;
  setInterval(function () {
    fetch(location.href, { credentials: 'same-origin', headers: { accept: 'text/html' } })
      .then(function (r) { return r.ok ? r.text() : null; })
      .then(function (html) {
        if (!html) return;
        var next = new DOMParser().parseFromString(html, 'text/html').querySelector('[data-poll]');
        if (next && next.innerHTML !== box.innerHTML) box.innerHTML = next.innerHTML;
      })
      .catch(function () {});
  }, 4000);
})();
`;
