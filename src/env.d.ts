/// <reference types="mdast-util-to-hast" />
/// <reference types="mdast-util-directive" />
