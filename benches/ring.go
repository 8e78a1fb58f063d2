// A ring of n goroutines handing a token over unbuffered channels laps times around:
// n * laps hops, the same shape as the simulator's channel ring (benches/src/lib.rs).
// Prints one result line.
//
//	go build -o OUT/ring benches/ring.go && GOMAXPROCS=1 OUT/ring 1000 1000
package main

import (
	"fmt"
	"os"
	"strconv"
	"time"
)

func node(in <-chan int, out chan<- int, laps int) {
	for i := 0; i < laps; i++ {
		out <- <-in + 1
	}
}

func main() {
	n, _ := strconv.Atoi(os.Args[1])
	laps, _ := strconv.Atoi(os.Args[2])
	start := time.Now()

	// Main spawns the other n - 1 between a chain of channels that ends back at main.
	first := make(chan int)
	in := first
	for i := 1; i < n; i++ {
		out := make(chan int)
		go node(in, out, laps)
		in = out
	}
	first <- 0
	for i := 1; i < laps; i++ {
		first <- <-in + 1
	}
	<-in

	seconds := time.Since(start).Seconds()
	fmt.Printf("result name=go-ring seconds=%.6f work=%d\n", seconds, n*laps)
}
