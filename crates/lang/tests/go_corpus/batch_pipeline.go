package main

import (
	"fmt"
	"sync"
)

// packer gathers numbers from in into batches of size and sends each full batch on out;
// a last short batch is sent when in closes.
func packer(in <-chan int, out chan<- []int, size int) {
	var batch []int
	for n := range in {
		batch = append(batch, n)
		if len(batch) == size {
			out <- batch
			batch = nil
		}
	}
	if len(batch) > 0 {
		out <- batch
	}
	close(out)
}

func main() {
	numbers := make(chan int)
	batches := make(chan []int)
	go packer(numbers, batches, 3)
	go func() {
		for i := 1; i <= 8; i++ {
			numbers <- i * i
		}
		close(numbers)
	}()
	var wg sync.WaitGroup
	totals := make([]int, 0, 4)
	var mu sync.Mutex
	for b := range batches {
		wg.Add(1)
		go func() {
			defer wg.Done()
			sum := 0
			for _, v := range b {
				sum += v
			}
			mu.Lock()
			totals = append(totals, sum)
			mu.Unlock()
		}()
		fmt.Println("batch", b, "of", len(b))
	}
	wg.Wait()
	grand := 0
	for _, t := range totals {
		grand += t
	}
	fmt.Println("batches summed:", len(totals), "grand total:", grand)
}
