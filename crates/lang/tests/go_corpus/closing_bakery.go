package main

import "fmt"

func main() {
	orders := make(chan int, 5)
	finished := make(chan bool)
	var baked []string

	// The baker takes orders until the channel is closed and drained.
	go func() {
		for {
			loaf, more := <-orders
			if !more {
				baked = append(baked, "no more orders")
				finished <- true
				return
			}
			baked = append(baked, fmt.Sprint("loaf ", loaf))
		}
	}()

	for loaf := 1; loaf <= 3; loaf++ {
		orders <- loaf
		fmt.Println("ordered loaf", loaf)
	}
	close(orders)
	fmt.Println("shop closed")

	// After this receive the baker's list is complete and safe to read.
	<-finished
	for _, b := range baked {
		fmt.Println("baker:", b)
	}

	// Receiving from a closed, empty channel gives the zero value at once.
	v, ok := <-orders
	fmt.Println("after closing:", v, ok)
}
