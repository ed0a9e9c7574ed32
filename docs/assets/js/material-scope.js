// Material 9.8.1 partials/javascripts/base.html, moved out of the page so the site needs no
// 'unsafe-inline' in its Content-Security-Policy. Material's own code, unchanged, except the scope:
// Material writes the relative path to the site root; a file knows that from its own address
// (this file lives in assets/js/, two levels below the root).
__md_scope=new URL("../../",document.currentScript.src),__md_hash=e=>[...e].reduce(((e,_)=>(e<<5)-e+_.charCodeAt(0)),0),__md_get=(e,_=localStorage,t=__md_scope)=>JSON.parse(_.getItem(t.pathname+"."+e)),__md_set=(e,_,t=localStorage,a=__md_scope)=>{try{t.setItem(a.pathname+"."+e,JSON.stringify(_))}catch(e){}};
