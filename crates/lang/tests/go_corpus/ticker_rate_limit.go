package main

import (
	"fmt"
	"time"
)

func main() {
	requests := make(chan int, 4)
	for id := 1; id <= 4; id++ {
		requests <- id
	}
	close(requests)

	// One request may pass every 60 ms.
	gate := time.Tick(60 * time.Millisecond)
	start := time.Now()
	for id := range requests {
		<-gate
		waited := time.Since(start)
		fmt.Println("request", id, "served; waited at least", id*60, "ms:", waited >= time.Duration(id*60)*time.Millisecond)
	}
}
