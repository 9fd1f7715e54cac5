# Prints the median ns/op, B/op and allocs/op of each benchmark in `go test
# -bench` output, then the ratio the core's goal is stated in.
/^Benchmark/ {
	name = $1; sub(/-[0-9]+$/, "", name)
	for (i = 2; i <= NF; i++) {
		if ($i == "ns/op") ns[name, ++n[name]] = $(i-1)
		if ($i == "allocs/op") allocs[name] = $(i-1)
	}
}
function median(name,    k, j, t, a) {
	for (k = 1; k <= n[name]; k++) a[k] = ns[name, k]
	for (k = 2; k <= n[name]; k++) for (j = k; j > 1 && a[j-1] > a[j]; j--) { t = a[j]; a[j] = a[j-1]; a[j-1] = t }
	return n[name] % 2 ? a[(n[name]+1)/2] : (a[n[name]/2] + a[n[name]/2+1]) / 2
}
END {
	print ""
	printf "%-32s %14s %10s\n", "median of " n["BenchmarkInspect/1KB"] " runs", "ns/op", "allocs/op"
	for (name in n) printf "%-32s %14.0f %10s\n", name, median(name), allocs[name]
	i = median("BenchmarkInspect/1KB"); b = median("BenchmarkBaselineJSON/1KB")
	if (b > 0) printf "\nInspect/1KB / BaselineJSON/1KB = %.2f (goal <= 0.50); Inspect/1KB allocs %s (goal <= 30)\n", i / b, allocs["BenchmarkInspect/1KB"]
	m = median("BenchmarkInspect/1MB")
	if (m > 0) printf "Inspect/1MB = %.2f ms (goal < 10 ms)\n", m / 1e6
}
