// Command probe exercises what a stripped Go js/wasm binary must still do:
// grow and copy goroutine stacks and collect garbage with pointers on them
// (stack sizes and pointer maps), and recover a runtime panic. It prints
// its results, then where it is, as file and line tables say.
package main

import (
	"fmt"
	"path"
	"runtime"
)

type node struct {
	next *node
	val  []int
}

// deep recurses n times, each frame holding a pointer to a new node, then
// collects garbage at the bottom and sums the list.
//
//go:noinline
func deep(n int, l *node) int {
	if n == 0 {
		runtime.GC()
		s := 0
		for x := l; x != nil; x = x.next {
			s += x.val[0]
		}
		return s
	}
	return deep(n-1, &node{next: l, val: []int{n}})
}

func recovered(i int) (msg string) {
	defer func() { msg = fmt.Sprint(recover()) }()
	return fmt.Sprint([]int{1, 2, 3}[i])
}

func main() {
	sum := deep(20000, nil)
	done := make(chan int)
	for g := range 4 {
		go func() { done <- deep(5000+g, nil) }()
	}
	total := 0
	for range 4 {
		total += <-done
	}
	fmt.Println("sum", sum, "goroutines", total, "recovered", recovered(5))
	pc, file, line, _ := runtime.Caller(0)
	fmt.Printf("where %q %s:%d\n", runtime.FuncForPC(pc).Name(), path.Base(file), line)
}
