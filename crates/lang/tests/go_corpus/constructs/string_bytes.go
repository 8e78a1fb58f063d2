package main

import "fmt"

func main() {
	word := "harbour"
	fmt.Println(len(word), word[0], string(word[1]), word[2:5])
	joined := word + "-" + "master"
	fmt.Println(joined, len(joined))
	count := 0
	for i := 0; i < len(word); i++ {
		if word[i] == 'r' {
			count++
		}
	}
	fmt.Println("r appears", count, "times")
}
