package main

import (
	"fmt"
	"sync"
	"sync/atomic"
)

func main() {
	var pings atomic.Int64
	var loudest atomic.Int32
	var alarm atomic.Bool
	var wg sync.WaitGroup

	for station := 1; station <= 8; station++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			pings.Add(int64(station))
			if station == 6 {
				alarm.Store(true)
			}
			for {
				cur := loudest.Load()
				if int32(station) <= cur || loudest.CompareAndSwap(cur, int32(station)) {
					break
				}
			}
		}()
	}
	wg.Wait()

	fmt.Println("ping total:", pings.Load())
	fmt.Println("loudest station:", loudest.Load())
	fmt.Println("alarm raised:", alarm.Load())
}
