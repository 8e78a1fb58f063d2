package main

import (
	"fmt"
	"sync"
)

var (
	calibrate sync.Once
	offset    int
)

// observe calibrates the telescope the first time any goroutine needs it.
func observe(star int, readings []int, wg *sync.WaitGroup) {
	defer wg.Done()
	calibrate.Do(func() {
		fmt.Println("calibrating telescope")
		offset = 100
	})
	readings[star] = offset + star
}

func main() {
	var wg sync.WaitGroup
	readings := make([]int, 5)
	for star := 0; star < 5; star++ {
		wg.Add(1)
		go observe(star, readings, &wg)
	}
	wg.Wait()
	fmt.Println("readings:", readings)

	calibrate.Do(func() { fmt.Println("never printed") })
	fmt.Println("offset still", offset)
}
