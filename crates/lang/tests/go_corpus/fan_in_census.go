package main

import (
	"fmt"
	"sync"
)

// district counts households street by street and sends each count.
func district(streets []int, out chan<- int, wg *sync.WaitGroup) {
	defer wg.Done()
	for _, homes := range streets {
		out <- homes
	}
}

func main() {
	counts := make(chan int)
	var wg sync.WaitGroup
	areas := [][]int{{12, 7, 30}, {4, 4}, {51}, {9, 18, 2, 6}}

	for _, streets := range areas {
		wg.Add(1)
		go district(streets, counts, &wg)
	}

	// Close the merged channel once every district is finished.
	go func() {
		wg.Wait()
		close(counts)
	}()

	homes, reports := 0, 0
	for c := range counts {
		homes += c
		reports++
	}
	fmt.Println("reports:", reports)
	fmt.Println("homes:", homes)
}
