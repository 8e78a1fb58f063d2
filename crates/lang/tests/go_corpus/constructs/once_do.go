package main

import (
	"fmt"
	"sync"
)

func main() {
	var once sync.Once
	calls := 0
	for i := 0; i < 3; i++ {
		once.Do(func() { calls++ })
	}
	var wg sync.WaitGroup
	for i := 0; i < 4; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			once.Do(func() { calls += 10 })
		}()
	}
	wg.Wait()
	fmt.Println("calls:", calls)
}
