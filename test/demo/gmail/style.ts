// Just enough of Gmail's look for screenshots a person can read; the class
// names are Gmail's own, so the extension sees the same hooks as on Gmail.
export const GMAIL_STYLE = `
body { margin: 0; font: 14px/1.4 Roboto, "Segoe UI", Arial, sans-serif; color: #202124; background: #f6f8fc; }
header[role=banner] { display: flex; justify-content: space-between; align-items: center; padding: 8px 16px; }
.gb_logo { font-size: 22px; color: #5f6368; }
.gb_email { color: #5f6368; font-size: 12px; }
.gb_A { color: inherit; text-decoration: none; }
.bkK { display: flex; }
[role=navigation] { width: 200px; padding: 8px; }
[role=navigation] a { display: block; padding: 4px 12px; color: #202124; text-decoration: none; border-radius: 0 16px 16px 0; }
[role=navigation] a:hover { background: #e8eaed; }
[role=main] { flex: 1; background: #fff; border-radius: 16px; margin-right: 16px; min-height: 80vh; overflow: hidden; }
table.F { width: 100%; border-collapse: collapse; table-layout: fixed; }
tr.zA { cursor: pointer; border-bottom: 1px solid #f1f3f4; }
tr.zA:hover { box-shadow: inset 1px 0 0 #dadce0, inset -1px 0 0 #dadce0, 0 1px 2px rgba(60,64,67,.3); }
tr.zA td { padding: 6px 4px; white-space: nowrap; overflow: hidden; text-overflow: ellipsis; }
tr.zE { background: #fff; font-weight: 700; }
tr.yO { background: #f2f6fc; }
td.PF { width: 8px; } td.oZ-x3, td.apo-x3 { width: 24px; } td.apU { width: 20px; }
td.yX { width: 200px; } td.xW, td.apt { width: 80px; text-align: right; font-size: 12px; }
.yW .bx0 { color: #5f6368; font-weight: 400; margin-left: 4px; }
.boq { color: #d93025; margin-left: 4px; }
.y2 { color: #5f6368; font-weight: 400; }
.y6 { display: inline; }
.afn { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); }
.amH { padding: 8px 16px; color: #5f6368; font-size: 12px; }
.oZ-jc, .apo-jc { width: 14px; height: 14px; border: 2px solid #80868b; border-radius: 2px; }
.g.id { padding: 16px 24px; }
h2.hP { font-size: 22px; font-weight: 400; margin: 0 0 16px; }
[role=listitem] { border-bottom: 1px solid #f1f3f4; padding: 8px 0; }
.gD { font-weight: 700; } .go { color: #5f6368; font-size: 12px; margin-left: 4px; }
.g3 { color: #5f6368; font-size: 12px; }
.hb { color: #5f6368; font-size: 12px; }
.a3s { padding: 8px 0; white-space: pre-wrap; }
.kv .iA { color: #5f6368; }
.adx { color: #1a73e8; cursor: pointer; padding: 4px 0; }
.gJ { width: 100%; }
.gH { text-align: right; }
`;
