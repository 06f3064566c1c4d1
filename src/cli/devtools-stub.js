// Stands in for react-devtools-core in the bundle: the shipped game never connects to devtools.
export default { connectToDevTools() {}, initialize() {} };
