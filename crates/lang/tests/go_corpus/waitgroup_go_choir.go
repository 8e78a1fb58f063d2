package main

import (
	"fmt"
	"sync"
)

func main() {
	voices := []string{"soprano", "alto", "tenor", "bass"}
	ready := make([]bool, len(voices))
	var wg sync.WaitGroup

	// wg.Go starts a goroutine and counts it in the group.
	for i, v := range voices {
		wg.Go(func() {
			ready[i] = len(v) > 0
		})
	}
	wg.Wait()

	for i, v := range voices {
		fmt.Printf("%-8s ready=%t\n", v, ready[i])
	}
	fmt.Println("all", len(voices), "sections warmed up")
}
