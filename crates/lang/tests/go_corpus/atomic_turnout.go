package main

import (
	"fmt"
	"sync"
	"sync/atomic"
)

func main() {
	var ballots atomic.Int64
	var closed atomic.Bool
	var wg sync.WaitGroup
	// Fifty polling stations each count two ballots.
	for station := 0; station < 50; station++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			ballots.Add(1)
			ballots.Add(1)
		}()
	}
	wg.Wait()
	fmt.Println("first close:", closed.CompareAndSwap(false, true))
	fmt.Println("second close:", closed.CompareAndSwap(false, true))
	fmt.Println("ballots:", ballots.Load(), "closed:", closed.Load())
}
