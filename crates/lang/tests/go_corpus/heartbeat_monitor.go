package main

import (
	"fmt"
	"time"
)

// patient beats on the channel every gap, count times, then falls silent.
func patient(beats chan<- int, gap time.Duration, count int) {
	for i := 1; i <= count; i++ {
		time.Sleep(gap)
		beats <- i
	}
}

func main() {
	beats := make(chan int)
	go patient(beats, 40*time.Millisecond, 3)
	for {
		select {
		case n := <-beats:
			fmt.Println("beat", n)
		case <-time.After(150 * time.Millisecond):
			fmt.Println("no beat for 150ms: alarm")
			return
		}
	}
}
