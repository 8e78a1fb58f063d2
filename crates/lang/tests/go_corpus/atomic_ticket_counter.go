package main

import (
	"fmt"
	"sync"
	"sync/atomic"
)

func main() {
	var sold int64
	var wg sync.WaitGroup

	// Forty booths each sell 25 tickets, all adding to one counter.
	for booth := 0; booth < 40; booth++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for t := 0; t < 25; t++ {
				atomic.AddInt64(&sold, 1)
			}
		}()
	}
	wg.Wait()

	fmt.Println("tickets sold:", atomic.LoadInt64(&sold))
	atomic.StoreInt64(&sold, 0)
	fmt.Println("after reset:", atomic.LoadInt64(&sold))
}
