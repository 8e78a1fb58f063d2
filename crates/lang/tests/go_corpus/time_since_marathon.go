package main

import (
	"fmt"
	"time"
)

// run sleeps for the leg and reports how long it took on done.
func run(leg time.Duration, done chan<- time.Duration) {
	start := time.Now()
	time.Sleep(leg)
	done <- time.Since(start)
}

func main() {
	start := time.Now()
	done := make(chan time.Duration)
	legs := []time.Duration{100 * time.Millisecond, 150 * time.Millisecond}

	for _, leg := range legs {
		go run(leg, done)
	}
	first := <-done
	second := <-done

	fmt.Println("first leg at least 100ms:", first >= 100*time.Millisecond)
	fmt.Println("second leg at least 150ms:", second >= 150*time.Millisecond)
	fmt.Println("second slower than first:", second > first)
	total := time.Since(start)
	fmt.Println("race under one second:", total < time.Second)
	fmt.Println("leg sum:", legs[0]+legs[1])
	fmt.Println("half a second is", time.Second/2)
}
