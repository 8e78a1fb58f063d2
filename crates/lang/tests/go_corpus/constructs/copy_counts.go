package main

import "fmt"

func main() {
	src := []int{1, 2, 3, 4, 5}
	small := make([]int, 3)
	n := copy(small, src)
	fmt.Println(n, small)

	big := make([]int, 7)
	n = copy(big, src)
	fmt.Println(n, big)

	n = copy(src[1:], src)
	fmt.Println(n, src)
}
