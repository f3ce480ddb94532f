/**
 * The report page's inline CSS and JS. No network requests; the JS only enhances
 * (sorting and filtering) what the HTML already shows.
 */

/** Inline stylesheet: readable on a phone, prints cleanly, follows the system color scheme. */
export const reportCss = `
:root{color-scheme:light dark;--bg:#fff;--fg:#1b1d21;--muted:#5b6270;--line:#d9dde3;--card:#f5f7fa;--accent:#3b5bdb;--error:#c92a2a;--warning:#b35c00;--info:#1c7ed6;--ok:#2b8a3e}
@media (prefers-color-scheme:dark){:root{--bg:#14161a;--fg:#e6e8eb;--muted:#9aa3af;--line:#2d3139;--card:#1d2026;--accent:#91a7ff;--error:#ff8787;--warning:#ffa94d;--info:#74c0fc;--ok:#8ce99a}}
*{box-sizing:border-box}
body{margin:0;font:15px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;background:var(--bg);color:var(--fg)}
header.top,main{max-width:1200px;margin:0 auto;padding:1rem}
header.top h1{margin:.2rem 0;font-size:1.6rem}
header.top p{margin:.2rem 0;color:var(--muted)}
nav.toc ul{display:flex;flex-wrap:wrap;gap:.4rem 1rem;padding:0;list-style:none}
a{color:var(--accent)}
code{font:13px/1.4 ui-monospace,SFMono-Regular,Menlo,Consolas,monospace;overflow-wrap:anywhere}
.cards{display:grid;grid-template-columns:repeat(auto-fill,minmax(150px,1fr));gap:.6rem;padding:0;list-style:none}
.cards li{background:var(--card);border:1px solid var(--line);border-radius:8px;padding:.6rem .8rem}
.cards .value{display:block;font-size:1.5rem;font-weight:650}
.cards .label{color:var(--muted);font-size:.85rem}
.cards .error .value{color:var(--error)}.cards .warning .value{color:var(--warning)}
section{margin:2rem 0}
section h2{border-bottom:1px solid var(--line);padding-bottom:.3rem}
.intro,.empty,.note{color:var(--muted)}
.notes li{margin:.2rem 0}
.table-wrap{overflow-x:auto;border:1px solid var(--line);border-radius:8px}
table{border-collapse:collapse;width:100%;font-size:14px}
caption{text-align:left;padding:.5rem .7rem;font-weight:600;background:var(--card)}
th,td{padding:.4rem .7rem;border-top:1px solid var(--line);text-align:left;vertical-align:top}
th{white-space:nowrap;background:var(--card)}
td.num,th.num{text-align:right;font-variant-numeric:tabular-nums}
th button.sort{font:inherit;font-weight:600;background:none;border:0;color:inherit;cursor:pointer;padding:0}
th button.sort::after{content:" ↕";color:var(--muted)}
th[aria-sort=ascending] button.sort::after{content:" ↑"}th[aria-sort=descending] button.sort::after{content:" ↓"}
.js th .label{display:none}
.filter{display:flex;gap:.5rem;align-items:center;margin:.5rem 0}
.filter input{font:inherit;padding:.3rem .5rem;border:1px solid var(--line);border-radius:6px;background:var(--bg);color:var(--fg);min-width:16rem}
.badge{display:inline-block;padding:0 .45rem;border-radius:999px;font-size:12px;font-weight:600;border:1px solid currentColor;white-space:nowrap}
.badge-error{color:var(--error)}.badge-warning{color:var(--warning)}.badge-info{color:var(--info)}
.hint{color:var(--muted);font-size:13px;margin:.2rem 0 0}
.bar{display:inline-block;height:.6rem;background:var(--accent);border-radius:3px;vertical-align:middle}
svg.chart{max-width:100%;height:auto}
@media (max-width:640px){
 table,thead,tbody,tr,td{display:block}thead{position:absolute;left:-9999px}
 tr{border-top:1px solid var(--line);padding:.4rem 0}td{border:0;padding:.15rem .7rem}
 td::before{content:attr(data-label);display:block;color:var(--muted);font-size:12px}
 td.num{text-align:left}
}
@media print{
 nav.toc,.filter,th button.sort{display:none!important}.js th .label{display:inline}
 .table-wrap{overflow:visible;border:0}body{font-size:11px}a{color:inherit;text-decoration:none}
 section{break-inside:auto}tr{break-inside:avoid}
}
`;

/** Inline script: table sorting and filtering. Progressive enhancement only. */
export const reportJs = `
(function(){
  document.documentElement.classList.add('js');
  document.querySelectorAll('[hidden].filter, button.sort[hidden]').forEach(function(el){el.hidden=false});
  function cellValue(row, i){var c=row.children[i];if(!c)return '';var s=c.getAttribute('data-sort');return s!==null?s:c.textContent.trim();}
  document.querySelectorAll('button.sort').forEach(function(button){
    button.addEventListener('click',function(){
      var th=button.closest('th'),table=button.closest('table'),body=table.tBodies[0];
      var i=Number(button.getAttribute('data-column'));var numeric=th.classList.contains('num');
      var dir=th.getAttribute('aria-sort')==='descending'?'ascending':'descending';
      table.querySelectorAll('th[aria-sort]').forEach(function(o){o.removeAttribute('aria-sort')});
      th.setAttribute('aria-sort',dir);
      var rows=Array.prototype.slice.call(body.rows);
      rows.sort(function(a,b){var x=cellValue(a,i),y=cellValue(b,i);
        var r=numeric?(Number(x)||0)-(Number(y)||0):x.localeCompare(y);return dir==='ascending'?r:-r;});
      rows.forEach(function(r){body.appendChild(r)});
    });
  });
  document.querySelectorAll('input[data-filter]').forEach(function(input){
    var table=document.getElementById(input.getAttribute('data-filter'));
    input.addEventListener('input',function(){
      var q=input.value.trim().toLowerCase();
      Array.prototype.forEach.call(table.tBodies[0].rows,function(row){
        row.hidden=q!==''&&row.textContent.toLowerCase().indexOf(q)===-1;});
    });
  });
})();
`;
