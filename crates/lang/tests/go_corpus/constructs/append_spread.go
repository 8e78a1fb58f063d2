// Each picker gathers a basket of its own; the farm joins the baskets with append(a, b...).
package main

import (
	"fmt"
	"sync"
)

func pick(id int, rows int) []int {
	var basket []int
	for r := 1; r <= rows; r++ {
		basket = append(basket, id*10+r)
	}
	return basket
}

func main() {
	baskets := make([][]int, 3)
	var wg sync.WaitGroup
	for i := range 3 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			baskets[i] = pick(i+1, i+2)
		}()
	}
	wg.Wait()
	var all []int
	for _, b := range baskets {
		all = append(all, b...)
	}
	fmt.Println(all, len(all))

	// Spreading into a slice with room writes into the shared array.
	base := make([]int, 2, 5)
	grown := append(base[:1], []int{7, 8}...)
	fmt.Println(base, grown, len(grown), cap(grown))

	label := append([]byte("crate-"), "07"...)
	fmt.Println(string(label), len(label))
}
