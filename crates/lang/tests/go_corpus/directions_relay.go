package main

import "fmt"

// dispatch may only send on orders.
func dispatch(orders chan<- string, item string) {
	orders <- item
}

// courier receives from orders and sends on deliveries.
func courier(orders <-chan string, deliveries chan<- string) {
	parcel := <-orders
	deliveries <- parcel + " (delivered)"
}

func main() {
	orders := make(chan string, 1)
	deliveries := make(chan string, 1)

	dispatch(orders, "bicycle pump")
	courier(orders, deliveries)
	fmt.Println(<-deliveries)

	// The same functions work as goroutines.
	go courier(orders, deliveries)
	go dispatch(orders, "tent pegs")
	fmt.Println(<-deliveries)
}
