/**
 * The report page's inline CSS and JS. No network requests; the JS only enhances
 * (sorting and filtering) what the HTML already shows.
 */

/**
 * How many rows of a table show at first with JS (a "Show all" button shows the rest);
 * without JS every row shows.
 */
export const rowsShown = 500;

/**
 * Inline script for the head: marks the page as scripted before the tables are laid out,
 * so the stylesheet leaves the rows past the first `rowsShown` out of the first layout (a
 * 10,000-row table then loads about as fast as a 500-row one). The script at the end of
 * the body takes over with `hidden` and adds the class `ready`.
 */
export const reportHeadJs = "document.documentElement.classList.add('js')";

/** Inline stylesheet: readable on a phone, prints cleanly, follows the system color scheme. */
export const reportCss = `
:root{color-scheme:light dark;--bg:#fff;--fg:#1b1d21;--muted:#5b6270;--line:#d9dde3;--card:#f5f7fa;--accent:#3b5bdb;--error:#c92a2a;--warning:#b35c00;--info:#1c7ed6;--ok:#2b8a3e}
@media (prefers-color-scheme:dark){:root{--bg:#14161a;--fg:#e6e8eb;--muted:#9aa3af;--line:#2d3139;--card:#1d2026;--accent:#91a7ff;--error:#ff8787;--warning:#ffa94d;--info:#74c0fc;--ok:#8ce99a}}
*{box-sizing:border-box}
[hidden]{display:none!important}
body{margin:0;font:15px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;background:var(--bg);color:var(--fg)}
header.top,main{max-width:1200px;margin:0 auto;padding:1rem}
header.top{padding-bottom:0}
header.top h1{margin:.2rem 0;font-size:1.6rem;line-height:1.25}
header.top h1 .site{overflow-wrap:anywhere}
header.top p{margin:.2rem 0;color:var(--muted)}
nav.toc ul{display:flex;flex-wrap:wrap;gap:.4rem 1rem;padding:0;margin:.6rem 0 0;list-style:none}
main{padding-top:0}
main>section:first-child{margin-top:1rem}
a{color:var(--accent)}
code{font:13px/1.4 ui-monospace,SFMono-Regular,Menlo,Consolas,monospace;overflow-wrap:break-word}
.rankings{display:grid;grid-template-columns:repeat(auto-fit,minmax(260px,1fr));gap:1rem}
.chart-text{fill:currentColor}.chart-bar{fill:var(--accent)}
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
th.num{text-align:right;width:1%}
.page-cell{min-width:16rem}
.sub{display:block}
td ul{margin:0;padding-left:1.1rem}
.more{list-style:none;margin-left:-1.1rem}
th button.sort{font:inherit;font-weight:600;background:none;border:0;color:inherit;cursor:pointer;padding:0}
th button.sort::after{content:" ↕";color:var(--muted)}
th[aria-sort=ascending] button.sort::after{content:" ↑"}th[aria-sort=descending] button.sort::after{content:" ↓"}
.ready th .label{display:none}
.js:not(.ready) .table-wrap tbody tr:nth-child(n+${rowsShown + 1}){display:none}
.filter{display:flex;gap:.5rem;align-items:center;margin:.5rem 0}
.table-status{margin:.4rem 0}
.show-all{font:inherit;font-size:13px;padding:.1rem .5rem;border:1px solid var(--line);border-radius:6px;background:var(--card);color:var(--fg);cursor:pointer}
.filter input{font:inherit;padding:.3rem .5rem;border:1px solid var(--line);border-radius:6px;background:var(--bg);color:var(--fg);min-width:16rem}
.badge{display:inline-block;padding:0 .45rem;border-radius:999px;font-size:12px;font-weight:600;border:1px solid currentColor;white-space:nowrap}
.badge-baseline-new{color:var(--error)}.badge-baseline-known{color:var(--muted)}.badge-error{color:var(--error)}.badge-warning{color:var(--warning)}.badge-info{color:var(--info)}
.hint{color:var(--muted);font-size:13px;margin:.2rem 0 0}
.bar{display:inline-block;height:.6rem;background:var(--accent);border-radius:3px;vertical-align:middle}
svg.chart{max-width:100%;height:auto}
figure{margin:1rem 0}
@media (max-width:640px){
 header.top h1{font-size:1.3rem}
 .filter{flex-wrap:wrap}.filter input{min-width:0;flex:1 1 12rem}
 table,caption,tbody,tr,td{display:block}
 thead{position:absolute;width:1px;height:1px;overflow:hidden;clip-path:inset(50%);white-space:nowrap}
 tr{border-top:1px solid var(--line);padding:.4rem 0}td{border:0;padding:.15rem .7rem}
 td:empty{display:none}
 td::before{display:block;color:var(--muted);font-size:12px}
 .page-cell{min-width:0}
 table td{text-align:left!important}
}
@media print{
 nav.toc,.filter,.show-all,th button.sort{display:none!important}.ready th .label{display:inline}
 .table-wrap{overflow:visible;border:0}body{font-size:11px}a{color:inherit;text-decoration:none}
 section{break-inside:auto}tr{break-inside:avoid}
}
`;

/**
 * Inline script: table sorting, filtering and, on long tables, showing the first rows only.
 * Progressive enhancement: without it every row is shown. The filter waits for a pause in
 * typing (150 ms) and matches each row's text, lowercased once; sorting reads each row's
 * key once and moves the rows in one fragment. A table shows its first 500 matching rows
 * and a "Show all" button, so typing, sorting and clearing stay fast on 10,000 pages.
 */
export const reportJs = `
(function(){
  var root=document.documentElement;
  root.classList.add('js');
  var step=${rowsShown};
  var collator=new Intl.Collator(undefined,{numeric:true});
  function fmt(n){return n.toLocaleString('en-US');}
  function cellValue(row,i){var c=row.cells[i];if(!c)return '';var s=c.getAttribute('data-sort');return s!==null?s:c.textContent.trim();}
  var locale='',updates=[],select=document.getElementById('locale-filter');
  function inLocale(row){if(locale==='')return true;var l=row.getAttribute('data-locale');return l===null||(' '+l+' ').indexOf(' '+locale+' ')!==-1;}
  document.querySelectorAll('div.table-block').forEach(function(block){
    var table=block.querySelector('table'),body=table.tBodies[0];
    var filter=block.querySelector('label.filter'),input=block.querySelector('input[data-filter]');
    var query='',limit=step,timer=0;
    var status=document.createElement('p'),text=document.createElement('span'),more=document.createElement('button');
    status.className='table-status hint';status.setAttribute('aria-live','polite');status.hidden=true;
    more.type='button';more.className='show-all';
    status.appendChild(text);status.appendChild(document.createTextNode(' '));status.appendChild(more);
    block.insertBefore(status,block.querySelector('.table-wrap'));
    function update(){
      var rows=body.rows,matched=0,shown=0;
      for(var n=0;n<rows.length;n++){
        var row=rows[n],match=inLocale(row);
        if(match&&query!==''){if(row._text===undefined)row._text=row.textContent.toLowerCase();match=row._text.indexOf(query)!==-1;}
        if(match)matched++;
        var hide=!match||matched>limit;
        if(row.hidden!==hide)row.hidden=hide;
        if(!hide)shown++;
      }
      if(shown<matched){
        text.textContent='Showing '+fmt(shown)+' of '+fmt(matched)+(query?' matching rows.':' rows.');
        more.textContent='Show all '+fmt(matched);more.hidden=false;status.hidden=false;
      }else if(query!==''){
        text.textContent=fmt(matched)+' of '+fmt(rows.length)+' rows match.';more.hidden=true;status.hidden=false;
      }else status.hidden=true;
    }
    more.addEventListener('click',function(){limit=Infinity;update();});
    updates.push(function(){limit=step;update();});
    if(filter&&input){
      filter.hidden=false;
      input.addEventListener('input',function(){
        clearTimeout(timer);
        timer=setTimeout(function(){var q=input.value.trim().toLowerCase();if(q===query)return;query=q;limit=step;update();},150);
      });
    }
    table.querySelectorAll('button.sort').forEach(function(button){
      button.hidden=false;
      button.addEventListener('click',function(){
        var th=button.closest('th');
        var i=Number(button.getAttribute('data-column')),numeric=th.classList.contains('num');
        var current=th.getAttribute('aria-sort');var dir=current?(current==='descending'?'ascending':'descending'):(numeric?'descending':'ascending');
        table.querySelectorAll('th[aria-sort]').forEach(function(o){o.removeAttribute('aria-sort')});
        th.setAttribute('aria-sort',dir);
        var keyed=Array.prototype.map.call(body.rows,function(r,n){var v=cellValue(r,i);return {r:r,n:n,v:numeric?(Number(v)||0):v};});
        keyed.sort(function(a,b){var r=numeric?a.v-b.v:collator.compare(a.v,b.v);if(dir==='descending')r=-r;return r||a.n-b.n;});
        var fragment=document.createDocumentFragment();
        keyed.forEach(function(k){fragment.appendChild(k.r)});
        body.appendChild(fragment);
        update();
      });
    });
    update();
  });
  if(select){select.closest('label').hidden=false;select.addEventListener('change',function(){locale=select.value;updates.forEach(function(u){u()});});}
  root.classList.add('ready');
})();
`;
