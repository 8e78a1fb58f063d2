package main

import (
	"fmt"
	"sync"
)

// counter returns a closure that keeps its own count.
func counter(step int) func() int {
	total := 0
	return func() int {
		total += step
		return total
	}
}

func main() {
	// Since Go 1.22 each iteration has its own i.
	var lights []func() string
	for i := 0; i < 3; i++ {
		lights = append(lights, func() string {
			return fmt.Sprintf("lantern %d", i)
		})
	}
	for _, light := range lights {
		fmt.Println(light())
	}

	byTwo := counter(2)
	byTwo()
	byTwo()
	fmt.Println("by two:", byTwo())

	// Goroutines started in a loop see their own value too.
	lit := make([]int, 5)
	var wg sync.WaitGroup
	for i := range 5 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			lit[i] = i * i
		}()
	}
	wg.Wait()
	fmt.Println(lit)
}
