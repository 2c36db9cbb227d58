// The CMS preview looks like the site: headings, lists and quotes in the site's own stylesheet.
/* global CMS */
CMS.registerPreviewStyle(document.currentScript.dataset.previewStyle);
