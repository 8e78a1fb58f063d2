package main

import (
	"fmt"
	"sync"
	"time"
)

// pick gathers apples from one row and stores the count in its own slot.
func pick(row int, baskets []int, wg *sync.WaitGroup) {
	defer wg.Done()
	time.Sleep(time.Duration(10*row) * time.Millisecond)
	baskets[row] = (row + 1) * 12
}

func main() {
	var wg sync.WaitGroup
	baskets := make([]int, 4)

	for row := 0; row < len(baskets); row++ {
		wg.Add(1)
		go pick(row, baskets, &wg)
	}
	wg.Wait()

	total := 0
	for row, apples := range baskets {
		fmt.Printf("row %d: %d apples\n", row, apples)
		total += apples
	}
	fmt.Println("total:", total)
}
