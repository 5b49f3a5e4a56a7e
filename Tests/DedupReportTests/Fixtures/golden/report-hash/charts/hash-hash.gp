# Hash algorithm × encoding — hash
# Written by dedupbench report. Regenerate from this directory: gnuplot hash-hash.gp
set encoding utf8
set terminal svg size 900,540 dynamic noenhanced font 'sans,12' background rgb 'white'
set output 'hash-hash.svg'
set title 'Hash algorithm × encoding — hash'
set key outside right top noenhanced
set grid ytics
set ylabel 'hash_s (seconds)'
set yrange [0:*]
set style fill solid 0.75 border -1
set boxwidth 0.36000000000000004
set xrange [-0.6:2.6]
set xlabel 'hash_algorithm'
set xtics ('md5' 0, 'sha256' 1, 'xxh64' 2)
plot 'hash-hash.dat' index 0 using 1:2 with boxes lc rgb '#4477aa' title 'binary', \
     '' index 0 using 1:2:3:4 with yerrorbars lc rgb 'black' pt 0 notitle, \
     '' index 1 using 1:2 with boxes lc rgb '#ee6677' title 'hex', \
     '' index 1 using 1:2:3:4 with yerrorbars lc rgb 'black' pt 0 notitle
unset output
