package main

import "fmt"

func main() {
	s := []string{"a", "b", "c", "d", "e"}
	fmt.Println(s[1:3], s[:2], s[3:], s[:], s[5:])
	t := s[1:3]
	fmt.Println(len(t), cap(t))
	t = t[:4]
	fmt.Println(t)
	i := 6
	fmt.Println(s[2:i])
}
