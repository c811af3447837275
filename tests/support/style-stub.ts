// Stylesheets imported by components under test: jsdom draws nothing, so each is an empty module.
export {}
