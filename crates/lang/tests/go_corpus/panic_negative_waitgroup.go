package main

import (
	"fmt"
	"sync"
)

func main() {
	var wg sync.WaitGroup
	wg.Add(1)
	go func() {
		fmt.Println("painter finished")
		wg.Done()
	}()
	wg.Wait()
	// One Done too many drives the counter below zero.
	fmt.Println("calling Done again")
	wg.Done()
	fmt.Println("unreachable")
}
