package main

import (
	"fmt"
	"sync"
)

func main() {
	var mu sync.RWMutex
	score := 0
	var wg sync.WaitGroup
	reads := make([]int, 3)
	mu.Lock()
	score = 7
	mu.Unlock()
	for i := range 3 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			mu.RLock()
			reads[i] = score
			mu.RUnlock()
		}()
	}
	wg.Wait()
	fmt.Println(reads)
}
