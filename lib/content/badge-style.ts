// Inside each badge's shadow root, so Gmail's CSS cannot reach it and ours
// cannot leak. The page's CSS still reaches the host element itself, and its
// !important rules beat a shadow root's normal ones; a shadow root's
// !important rules beat all of the page's, so the host's rules are !important.
// Text and background pairs pass WCAG AA for small text. The negative block
// margins keep the 16 px pill inside any row's line box, so a row is exactly as
// tall with its badge as without, whatever the fonts' metrics. Where Gmail lays
// the subject out as a flex row (2025 markup), the pill neither shrinks nor
// stretches: it stays whole, centred on the subject's line.
export const PILL_CSS = `
:host {
  all: initial !important; display: inline-flex !important; vertical-align: middle !important;
  margin: -4px 6px -4px 0 !important; line-height: 0 !important; flex: none !important; align-self: center !important;
}
button {
  all: unset; box-sizing: border-box; display: inline-flex; align-items: center; gap: 3px;
  height: 16px; max-width: 180px; padding: 0 6px; border-radius: 8px; cursor: pointer;
  font: 600 11px/16px Roboto, "Segoe UI", Arial, sans-serif; white-space: nowrap; overflow: hidden;
}
button:focus-visible { outline: 2px solid #1a73e8; outline-offset: 1px; }
.low { background: #e6f4ea; color: #137333; }
.watch { background: #fef7e0; color: #8a5300; }
.high { background: #fce8e6; color: #a50e0e; }
.critical { background: #a50e0e; color: #ffffff; }
.icon { font-size: 9px; }
.urgent { margin-left: 2px; padding: 0 4px; border-radius: 6px; background: #c5221f; color: #ffffff; }
.urgent[hidden] { display: none; }
`;

export const TOOLTIP_CSS = `
:host { all: initial !important; }
[role=tooltip] {
  position: fixed; z-index: 2147483647; box-sizing: border-box; max-width: 360px; padding: 8px 10px;
  border-radius: 6px; background: #202124; color: #ffffff; pointer-events: none;
  font: 12px/1.4 Roboto, "Segoe UI", Arial, sans-serif; box-shadow: 0 2px 6px rgba(0,0,0,.3);
  overflow-wrap: anywhere;
}
[hidden] { display: none; }
.name { font-weight: 700; unicode-bidi: isolate; display: block; overflow: hidden; text-overflow: ellipsis; white-space: nowrap; }
.score { color: #e8eaed; }
ul { margin: 4px 0; padding-left: 16px; }
li { unicode-bidi: isolate; }
.hint { color: #bdc1c6; }
.urgent { display: block; margin-top: 4px; font-weight: 700; color: #f28b82; unicode-bidi: isolate; }
`;
