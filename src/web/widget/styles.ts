/**
 * The widget's CSS, inside its shadow root. The host element is reset with `all: initial
 * !important` (important declarations of a shadow tree's `:host` win over the page's own), so a
 * page rule such as `* { all: unset }` or a huge inherited font cannot reach the panel; sizes are
 * in px, never rem, for the same reason. Custom properties do inherit, which is how a page themes it.
 */
export const CSS = `
:host{all:initial!important;position:fixed!important;inset:auto 0 0 auto!important;width:0!important;height:0!important;z-index:2147483000!important;display:block!important;
--tg-accent-default:#2448b8;--tg-bg-default:#fff;--tg-fg-default:#1b1f24;--tg-muted-default:#4a5360;--tg-surface-default:#eef1f5;--tg-border-default:#c9d0da}
@media (prefers-color-scheme:dark){:host(:not([data-theme=light])){--tg-accent-default:#8fb0ff;--tg-bg-default:#16191d;--tg-fg-default:#eef1f5;--tg-muted-default:#b5bdc9;--tg-surface-default:#242a31;--tg-border-default:#3b434d}}
:host([data-theme=dark]){--tg-accent-default:#8fb0ff;--tg-bg-default:#16191d;--tg-fg-default:#eef1f5;--tg-muted-default:#b5bdc9;--tg-surface-default:#242a31;--tg-border-default:#3b434d}
*{box-sizing:border-box;font:inherit;color:inherit;margin:0;padding:0}
[hidden]{display:none!important}
.root{--a:var(--tg-accent,var(--tg-accent-default));--bg:var(--tg-bg,var(--tg-bg-default));--fg:var(--tg-fg,var(--tg-fg-default));--muted:var(--tg-muted,var(--tg-muted-default));--surface:var(--tg-surface,var(--tg-surface-default));--border:var(--tg-border,var(--tg-border-default));
font:15px/1.45 var(--tg-font,system-ui,-apple-system,"Segoe UI",Roboto,sans-serif);color:var(--fg);letter-spacing:normal;text-align:left;direction:ltr}
button,textarea{font:inherit;color:inherit;background:none;border:0}
:focus-visible{outline:3px solid var(--a);outline-offset:2px}
.launcher{position:fixed;right:20px;bottom:20px;height:52px;min-width:52px;padding:0 20px;border-radius:26px;background:var(--a);color:var(--bg);font-weight:600;cursor:pointer;box-shadow:0 4px 14px rgba(0,0,0,.25);display:flex;align-items:center;gap:8px}
:host([data-position=left]) .launcher,:host([data-position=left]) .panel{right:auto;left:20px}
.panel{position:fixed;right:20px;bottom:84px;width:380px;max-width:calc(100vw - 24px);height:600px;max-height:calc(100vh - 104px);display:flex;flex-direction:column;background:var(--bg);border:1px solid var(--border);border-radius:var(--tg-radius,14px);box-shadow:0 10px 40px rgba(0,0,0,.3);overflow:hidden;transition:opacity .16s ease,transform .16s ease}
.panel.opening{opacity:0;transform:translateY(8px)}
header{display:flex;align-items:center;justify-content:space-between;gap:8px;padding:12px 14px;background:var(--a);color:var(--bg)}
h2{font-size:16px;font-weight:600}
.close{width:40px;height:40px;border-radius:20px;cursor:pointer;font-size:22px;line-height:1;color:var(--bg)}
.log{flex:1;overflow-y:auto;padding:14px;display:flex;flex-direction:column;gap:10px;overscroll-behavior:contain}
.msg{max-width:85%;padding:8px 12px;border-radius:12px;white-space:pre-wrap;overflow-wrap:anywhere}
.user{align-self:flex-end;background:var(--a);color:var(--bg)}
.assistant,.human{align-self:flex-start;background:var(--surface)}
.who{display:block;font-size:12px;font-weight:600;color:var(--muted);margin-bottom:2px}
.note{align-self:center;font-size:13px;color:var(--muted);text-align:center}
.outcome{align-self:stretch;border:1px solid var(--border);border-left:5px solid var(--muted);border-radius:8px;padding:8px 12px;background:var(--bg)}
.outcome strong{display:block;font-weight:600}
.outcome p{color:var(--muted);font-size:14px}
.k-saved,.k-synced,.k-ticket,.k-done{border-left-color:#1e7d3c}
.k-syncing,.k-confirm{border-left-color:#9a6700}
.k-refused,.k-rate_limited,.k-failed,.k-follow_up,.k-error{border-left-color:#b42318}
.actions{display:flex;gap:8px;margin-top:8px}
.actions button{min-height:40px;padding:0 16px;border-radius:8px;border:1px solid var(--a);cursor:pointer;font-weight:600}
.actions .primary{background:var(--a);color:var(--bg)}
.actions button:disabled{opacity:.55;cursor:default}
.typing{align-self:flex-start;color:var(--muted);font-size:14px}
.typing i{display:inline-block;width:6px;height:6px;margin-left:3px;border-radius:3px;background:currentColor;animation:tg-b 1s infinite alternate}
.typing i:nth-child(2){animation-delay:.2s}.typing i:nth-child(3){animation-delay:.4s}
@keyframes tg-b{to{opacity:.2}}
.handoff{padding:8px 14px;background:var(--surface);border-bottom:1px solid var(--border);font-size:14px;font-weight:600}
form{display:flex;gap:8px;padding:10px;border-top:1px solid var(--border);align-items:flex-end}
textarea{flex:1;min-height:44px;max-height:120px;resize:none;padding:10px 12px;border:1px solid var(--border);border-radius:10px;background:var(--bg)}
.send{min-height:44px;padding:0 16px;border-radius:10px;background:var(--a);color:var(--bg);font-weight:600;cursor:pointer}
.send:disabled{opacity:.55;cursor:default}
.sr{position:absolute;width:1px;height:1px;overflow:hidden;clip:rect(0 0 0 0);white-space:nowrap}
@media (max-width:480px){.panel{inset:0;width:100%;max-width:none;height:100%;max-height:none;border-radius:0;border:0}}
@media (prefers-reduced-motion:reduce){*{transition:none!important;animation:none!important}}
`;
