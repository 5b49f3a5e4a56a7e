# S3 cost vs duplicate rate
# Written by dedupbench report. Regenerate from this directory: gnuplot dup-sweep-cost-vs-dup-prob.gp
set encoding utf8
set terminal svg size 900,540 dynamic noenhanced font 'sans,12' background rgb 'white'
set output 'dup-sweep-cost-vs-dup-prob.svg'
set title 'S3 cost vs duplicate rate'
set key outside right top noenhanced
set grid ytics
set border 3
set tics nomirror
set xlabel 'duplicate rate (%)'
set xrange [0:0.51]
set xtics ('0%%' 0, '10%%' 0.1, '20%%' 0.2, '30%%' 0.3, '40%%' 0.4, '50%%' 0.5)
set ylabel 'S3 storage cost (USD/month)'
set yrange [0:0.005]
set ytics ('$0' 0, '$0.001' 0.001, '$0.002' 0.002, '$0.003' 0.003, '$0.004' 0.004, '$0.005' 0.005)
set label 'bronze_append · duplicate rate 0%: $0.00334' at 0, 0.003338302868 hypertext point pt 7 ps 2 lc rgb '#ff000000'
set label 'bronze_append · duplicate rate 5%: $0.00341' at 0.05, 0.003406567688 hypertext point pt 7 ps 2 lc rgb '#ff000000'
set label 'bronze_append · duplicate rate 10%: $0.00345' at 0.1, 0.003453383428 hypertext point pt 7 ps 2 lc rgb '#ff000000'
set label 'bronze_append · duplicate rate 15%: $0.00352' at 0.15, 0.003521661207 hypertext point pt 7 ps 2 lc rgb '#ff000000'
set label 'bronze_append · duplicate rate 20%: $0.0036' at 0.2, 0.003598159458 hypertext point pt 7 ps 2 lc rgb '#ff000000'
set label 'bronze_append · duplicate rate 25%: $0.00368' at 0.25, 0.00368387123 hypertext point pt 7 ps 2 lc rgb '#ff000000'
set label 'bronze_append · duplicate rate 30%: $0.00375' at 0.3, 0.003750069665 hypertext point pt 7 ps 2 lc rgb '#ff000000'
set label 'bronze_append · duplicate rate 35%: $0.00382' at 0.35, 0.003824805357 hypertext point pt 7 ps 2 lc rgb '#ff000000'
set label 'bronze_append · duplicate rate 40%: $0.00389' at 0.4, 0.003893455766 hypertext point pt 7 ps 2 lc rgb '#ff000000'
set label 'bronze_append · duplicate rate 45%: $0.00398' at 0.45, 0.003978344095 hypertext point pt 7 ps 2 lc rgb '#ff000000'
set label 'bronze_append · duplicate rate 50%: $0.00405' at 0.5, 0.004051781325 hypertext point pt 7 ps 2 lc rgb '#ff000000'
set label 'delta_merge · duplicate rate 0%: $0.00329' at 0, 0.003292406086 hypertext point pt 7 ps 2 lc rgb '#ff000000'
set label 'delta_merge · duplicate rate 5%: $0.00329' at 0.05, 0.00329187833 hypertext point pt 7 ps 2 lc rgb '#ff000000'
set label 'delta_merge · duplicate rate 10%: $0.00329' at 0.1, 0.003291872353 hypertext point pt 7 ps 2 lc rgb '#ff000000'
set label 'delta_merge · duplicate rate 15%: $0.00329' at 0.15, 0.003291882314 hypertext point pt 7 ps 2 lc rgb '#ff000000'
set label 'delta_merge · duplicate rate 20%: $0.00329' at 0.2, 0.003291880943 hypertext point pt 7 ps 2 lc rgb '#ff000000'
set label 'delta_merge · duplicate rate 25%: $0.00329' at 0.25, 0.003291855645 hypertext point pt 7 ps 2 lc rgb '#ff000000'
set label 'delta_merge · duplicate rate 30%: $0.00329' at 0.3, 0.003291879272 hypertext point pt 7 ps 2 lc rgb '#ff000000'
set label 'delta_merge · duplicate rate 35%: $0.00329' at 0.35, 0.003291885184 hypertext point pt 7 ps 2 lc rgb '#ff000000'
set label 'delta_merge · duplicate rate 40%: $0.00329' at 0.4, 0.003291852304 hypertext point pt 7 ps 2 lc rgb '#ff000000'
set label 'delta_merge · duplicate rate 45%: $0.00329' at 0.45, 0.00329191166 hypertext point pt 7 ps 2 lc rgb '#ff000000'
set label 'delta_merge · duplicate rate 50%: $0.00329' at 0.5, 0.003291884027 hypertext point pt 7 ps 2 lc rgb '#ff000000'
set label 'eager_dedup · duplicate rate 0%: $0.00334' at 0, 0.003338204463 hypertext point pt 7 ps 2 lc rgb '#ff000000'
set label 'eager_dedup · duplicate rate 5%: $0.00334' at 0.05, 0.003338292737 hypertext point pt 7 ps 2 lc rgb '#ff000000'
set label 'eager_dedup · duplicate rate 10%: $0.00334' at 0.1, 0.003338225991 hypertext point pt 7 ps 2 lc rgb '#ff000000'
set label 'eager_dedup · duplicate rate 15%: $0.00334' at 0.15, 0.003338368501 hypertext point pt 7 ps 2 lc rgb '#ff000000'
set label 'eager_dedup · duplicate rate 20%: $0.00334' at 0.2, 0.003338291687 hypertext point pt 7 ps 2 lc rgb '#ff000000'
set label 'eager_dedup · duplicate rate 25%: $0.00334' at 0.25, 0.003338216908 hypertext point pt 7 ps 2 lc rgb '#ff000000'
set label 'eager_dedup · duplicate rate 30%: $0.00334' at 0.3, 0.003338204206 hypertext point pt 7 ps 2 lc rgb '#ff000000'
set label 'eager_dedup · duplicate rate 35%: $0.00334' at 0.35, 0.003338272323 hypertext point pt 7 ps 2 lc rgb '#ff000000'
set label 'eager_dedup · duplicate rate 40%: $0.00334' at 0.4, 0.003338989671 hypertext point pt 7 ps 2 lc rgb '#ff000000'
set label 'eager_dedup · duplicate rate 45%: $0.00334' at 0.45, 0.003338250538 hypertext point pt 7 ps 2 lc rgb '#ff000000'
set label 'eager_dedup · duplicate rate 50%: $0.00334' at 0.5, 0.003338365223 hypertext point pt 7 ps 2 lc rgb '#ff000000'
set label 'polars_merge · duplicate rate 0%: $0.00329' at 0, 0.003292467263 hypertext point pt 7 ps 2 lc rgb '#ff000000'
set label 'polars_merge · duplicate rate 5%: $0.00329' at 0.05, 0.003291871154 hypertext point pt 7 ps 2 lc rgb '#ff000000'
set label 'polars_merge · duplicate rate 10%: $0.00329' at 0.1, 0.003291885463 hypertext point pt 7 ps 2 lc rgb '#ff000000'
set label 'polars_merge · duplicate rate 15%: $0.00329' at 0.15, 0.003291853418 hypertext point pt 7 ps 2 lc rgb '#ff000000'
set label 'polars_merge · duplicate rate 20%: $0.00329' at 0.2, 0.003291889211 hypertext point pt 7 ps 2 lc rgb '#ff000000'
set label 'polars_merge · duplicate rate 25%: $0.00329' at 0.25, 0.00329188844 hypertext point pt 7 ps 2 lc rgb '#ff000000'
set label 'polars_merge · duplicate rate 30%: $0.00329' at 0.3, 0.003291886555 hypertext point pt 7 ps 2 lc rgb '#ff000000'
set label 'polars_merge · duplicate rate 35%: $0.00329' at 0.35, 0.003291895509 hypertext point pt 7 ps 2 lc rgb '#ff000000'
set label 'polars_merge · duplicate rate 40%: $0.00329' at 0.4, 0.003291881436 hypertext point pt 7 ps 2 lc rgb '#ff000000'
set label 'polars_merge · duplicate rate 45%: $0.00329' at 0.45, 0.003291886277 hypertext point pt 7 ps 2 lc rgb '#ff000000'
set label 'polars_merge · duplicate rate 50%: $0.00329' at 0.5, 0.00329190442 hypertext point pt 7 ps 2 lc rgb '#ff000000'
plot 'dup-sweep-cost-vs-dup-prob.dat' index 0 using 1:2 with linespoints lc rgb '#4477aa' pt 7 dt 1 lw 2 ps 1.1 title 'bronze_append', \
     '' index 1 using 1:2 with linespoints lc rgb '#ee6677' pt 5 dt 2 lw 2 ps 1.1 title 'delta_merge', \
     '' index 2 using 1:2 with linespoints lc rgb '#228833' pt 9 dt 4 lw 2 ps 1.1 title 'eager_dedup', \
     '' index 3 using 1:2 with linespoints lc rgb '#ccbb44' pt 13 dt 5 lw 2 ps 1.1 title 'polars_merge'
unset label
set terminal pngcairo size 1200,720 noenhanced font 'sans,11' background rgb 'white'
set output 'dup-sweep-cost-vs-dup-prob.png'
replot
unset output
