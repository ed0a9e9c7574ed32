// editor.js starts Decap CMS itself, after registering the format for data files that are one list.
window.CMS_MANUAL_INIT = true;
