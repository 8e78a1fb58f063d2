package main

import "fmt"

func main() {
	base := make([]int, 3, 4)
	// Room left: the new slice shares base's storage.
	shared := append(base, 1)
	shared[0] = 99
	fmt.Println(base, shared, len(base), cap(base))

	// No room left: append copies into new storage.
	grown := append(shared, 2)
	grown[1] = 55
	fmt.Println(shared, grown, len(grown))
}
