package main

import "fmt"

func main() {
	fmt.Printf("|%6d|%-6d|%06d|\n", 12, 12, -12)
	fmt.Printf("|%8s|%-8s|%q|\n", "ab", "ab", "a\"b")
	fmt.Printf("|%7.2f|%-7.1f|%.0f|\n", 3.14159, 2.5, 2.5)
	fmt.Printf("|%x|%X|%5x|%t|%%|\n", 3054, 3054, 15, false)
	fmt.Printf("|%v|%5v|%T|\n", []int{1}, true, 'x')
	s := fmt.Sprintf("%03d-%s", 7, "b")
	fmt.Println(s, len(s))
}
