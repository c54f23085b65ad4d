import { ENTITY_BACKGROUND, FOCUS, HIGHLIGHT, INK, LINK, MUTED, PAPER, ROLE_BACKGROUND, ROLES, WARN } from "./palette.js";

const roleRules = ROLES.map((r) => `.r-${r}{background:${ROLE_BACKGROUND[r]};color:${INK}}\n.f.${r}{border-left-color:${ROLE_BACKGROUND[r] === PAPER ? WARN : ROLE_BACKGROUND[r]}}`).join("\n");
const layoutRules = ROLES.map((r) => `.layout .r-${r} rect{fill:${ROLE_BACKGROUND[r]}}`).join("\n");
const entityRules = Object.entries(ENTITY_BACKGROUND).map(([t, bg]) => `.ent-${t}{background:${bg};color:${INK}}`).join("\n");

/** The view's stylesheet, generated from the palette (one home for the colours). */
export const STYLE = `
:root{color-scheme:light}
*{box-sizing:border-box}
body{margin:0;font:15px/1.6 system-ui,"Noto Sans CJK SC","Source Han Sans SC","PingFang SC","Microsoft YaHei","WenQuanYi Zen Hei",sans-serif;color:${INK};background:${PAPER}}
h1{font-size:1.1rem;margin:0}
.top{padding:.5rem 1rem;border-bottom:1px solid #999}
.page-head{padding:.25rem 1rem}
.facts{margin:.25rem 0;color:${MUTED}}
.small-h{font-size:.85rem;text-transform:uppercase;letter-spacing:.04em;color:${MUTED};margin:.5rem 0 .25rem}
.panes{display:grid;grid-template-columns:minmax(0,1fr) minmax(0,1fr);gap:1rem;padding:0 1rem 1rem}
.pane{max-height:calc(100vh - 6rem);overflow:auto;border:1px solid #bbb;border-radius:4px;padding:.5rem .75rem}
@media (max-width:800px){.panes{grid-template-columns:1fr}.pane{max-height:none}}
.raw{white-space:pre-wrap;overflow-wrap:anywhere;font-family:ui-monospace,"Noto Sans Mono CJK SC","WenQuanYi Zen Hei Mono",monospace;line-height:1.7}
.raw span[data-f]{cursor:pointer}
.r-unassigned{text-decoration:underline wavy ${WARN}}
${roleRules}
.raw .hl{background:${HIGHLIGHT};color:${INK};box-shadow:inset 0 -3px 0 ${INK}}
${layoutRules}
.layout{display:block;width:100%;height:auto;background:${PAPER};border:1px solid #bbb;margin-bottom:.5rem}
.layout .sheet{fill:${PAPER}}
.layout text{fill:${INK}}
.layout .line rect{stroke:#999;stroke-width:.3}
.layout .line.hl rect{fill:${HIGHLIGHT};stroke:${INK};stroke-width:1}
.layout .region{fill:none;stroke:${INK};stroke-width:1.2}
.layout-figure{margin:0 0 .5rem}
.legend{list-style:none;display:flex;flex-wrap:wrap;gap:.25rem;padding:0;margin:0 0 .5rem;font-size:.8rem}
.legend li{padding:0 .4rem;border:1px solid #999;border-radius:3px}
.card{border:1px solid #bbb;border-radius:6px;padding:.5rem .75rem;margin:0 0 .75rem;background:${PAPER}}
.meta{margin:0;color:${MUTED};font-size:.85rem}
.badge{font-weight:600;color:${INK}}
.f{border-left:4px solid transparent;padding-left:.5rem;margin:.3rem 0}
.f.headline{font-size:1.3rem;line-height:1.4}
.f.kicker,.f.subheadline{font-size:1rem;color:${INK}}
.f.subhead{font-size:1rem}
.f.byline,.f.credit{font-size:.9rem}
.f:hover{background:#f2f2f2}
:focus-visible{outline:3px solid ${FOCUS};outline-offset:2px}
mark{color:${INK};border-radius:2px;padding:0 1px}
${entityRules}
mark[data-norm]{position:relative}
mark[data-norm]:hover::after,mark[data-norm]:focus::after{content:attr(data-norm);position:absolute;left:0;top:100%;z-index:2;background:${INK};color:${PAPER};font-size:.8rem;padding:0 .3rem;border-radius:3px;white-space:nowrap}
.contributors{margin:0 0 .3rem;padding-left:1.5rem;font-size:.9rem}
.name{font-weight:600}
.muted{color:${MUTED}}
.small{font-size:.85rem;margin:.2rem 0}
figure{margin:.3rem 0}
.entities{font-size:.85rem;margin-top:.4rem}
.entities ul{list-style:none;padding:0;margin:.3rem 0;columns:2}
.plain{list-style:none;padding:0;margin:0}
.warn{color:${WARN};font-weight:600}
a{color:${LINK}}
a.warn{color:${WARN}}
.notice{color:${MUTED};font-style:italic}
table{border-collapse:collapse;margin:1rem}
th,td{border:1px solid #bbb;padding:.25rem .5rem;text-align:left;vertical-align:top}
.num{text-align:right}
`;
