package pipeline

// ScanAsync is scanAsync, for the tests of the package's users' view.
var ScanAsync = scanAsync
