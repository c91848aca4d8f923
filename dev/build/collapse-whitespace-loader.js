// webpack loader for the client's component templates: runs of whitespace become one space. HTML
// renders them the same (the templates have no <pre> with literal text), and the bundle is smaller.
module.exports = (source) => source.replace(/\s+/g, ' ');
