/// <reference types="astro/client" />
/// <reference types="mdast-util-to-hast" />
/// <reference types="mdast-util-directive" />
