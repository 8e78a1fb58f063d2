package main

import (
	"fmt"
	"time"
)

// washer takes loads from loads and reports the minutes each load took on done.
func washer(id int, loads <-chan int, done chan<- int) {
	for load := range loads {
		time.Sleep(10 * time.Millisecond)
		done <- load * 30
	}
	_ = id
}

func main() {
	const loadCount = 6
	loads := make(chan int, loadCount)
	done := make(chan int, loadCount)

	for id := 1; id <= 3; id++ {
		go washer(id, loads, done)
	}

	for load := 1; load <= loadCount; load++ {
		loads <- load
	}
	close(loads)

	total := 0
	for i := 0; i < loadCount; i++ {
		total += <-done
	}
	fmt.Println("loads washed:", loadCount)
	fmt.Println("machine minutes:", total)
}
